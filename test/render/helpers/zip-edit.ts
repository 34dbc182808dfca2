// Editing an .xlsx at the package level, the way another program would leave it: parts added,
// replaced or removed. Tests only.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export class PackageFiles {
  readonly files: Record<string, Uint8Array>;

  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
  }

  has(name: string): boolean {
    return name in this.files;
  }

  text(name: string): string {
    const f = this.files[name];
    if (!f) throw new Error(`no part ${name}`);
    return strFromU8(f);
  }

  set(name: string, data: string | Uint8Array): this {
    this.files[name] = typeof data === 'string' ? strToU8(data) : data;
    return this;
  }

  /** Replaces text in a part; fails when `from` is not there (the test would be vacuous). */
  replace(name: string, from: string | RegExp, to: string | ((...m: string[]) => string)): this {
    const text = this.text(name);
    const found = typeof from === 'string' ? text.includes(from) : from.test(text);
    if (!found) throw new Error(`${name}: "${String(from)}" not found`);
    return this.set(
      name,
      typeof to === 'string' ? text.replace(from, to) : text.replace(from, to as never),
    );
  }

  /** Adds a relationship to the .rels part of `source` (creating it). */
  relate(relsPart: string, id: string, type: string, target: string, external = false): this {
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
    if (!this.has(relsPart))
      return this.set(
        relsPart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
      );
    return this.replace(relsPart, '</Relationships>', `${rel}</Relationships>`);
  }

  /** Declares a part's content type. */
  type(part: string, contentType: string): this {
    return this.replace(
      '[Content_Types].xml',
      '</Types>',
      `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`,
    );
  }

  bytes(): Uint8Array {
    return zipSync(this.files, { level: 1 });
  }
}
