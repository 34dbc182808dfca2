// XML parts of Office packages, parsed with a real XML parser (saxes) as their bytes arrive:
// a part is never held whole as text, and a run of characters without markup longer than a
// limit is refused before the parser buffers it (a zip bomb of spaces, a 100 MB "cell").
// Element names are given without their namespace prefix ("x:c" → "c"): writers differ in
// prefixes, never in local names. saxes knows no DTD entities, so nothing expands. No Node APIs.

import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  /** An element starts; attribute names keep their prefix ("r:id"), values are unescaped. */
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  /** Character data (text and CDATA), in pieces. */
  text?(text: string): void;
}

/** Why an XML part could not be read: malformed, or past a limit. */
export class XmlError extends Error {
  constructor(
    readonly code: 'damaged' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

/** Far above any real text in a cell (Excel keeps 32,767 characters), escaped. */
export const DEFAULT_MAX_RUN = 8 * 1024 * 1024;

export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export interface XmlStream {
  /** The next bytes of the part. */
  write(bytes: Uint8Array): void;
  /** The next characters of the part, already decoded (do not mix with `write`). */
  writeText(chars: string): void;
  end(): void;
}

/**
 * A parser for one part, fed with its bytes in pieces (UTF-8, or UTF-16 by its byte-order
 * mark). `maxRun` bounds the characters between two "<" (text, or one tag's attributes).
 */
export function xmlStream(
  part: string,
  handlers: XmlHandlers,
  maxRun: number = DEFAULT_MAX_RUN,
  /** Called before each element (a budget may throw there). */
  onElement?: () => void,
): XmlStream {
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  const { open, close, text } = handlers;
  parser.on(
    'opentag',
    onElement
      ? (tag) => {
          onElement();
          open(localName(tag.name), tag.attributes);
        }
      : (tag) => open(localName(tag.name), tag.attributes),
  );
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let head: Uint8Array | null = null;
  let run = 0;
  parser.on('error', (error) => {
    throw new XmlError('damaged', `"${part}" is not well-formed XML (${error.message})`);
  });
  const tooLong = (): XmlError =>
    new XmlError(
      'too-large',
      `"${part}" holds a text or tag longer than ${maxRun.toLocaleString('en')} characters`,
    );
  const feed = (chars: string): void => {
    if (chars.length === 0) return;
    const first = chars.indexOf('<');
    if (first < 0) {
      run += chars.length;
      if (run > maxRun) throw tooLong();
    } else {
      if (run + first > maxRun) throw tooLong();
      if (chars.length > maxRun) {
        // A piece longer than the limit may hold a long run between two of its "<".
        for (let at = first; at >= 0;) {
          const next = chars.indexOf('<', at + 1);
          if ((next < 0 ? chars.length : next) - at - 1 > maxRun) throw tooLong();
          at = next;
        }
      }
      run = chars.length - 1 - chars.lastIndexOf('<');
    }
    parser.write(chars);
  };
  const start = (bytes: Uint8Array): void => {
    let label = 'utf-8';
    let skip = 0;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) [label, skip] = ['utf-16le', 2];
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) [label, skip] = ['utf-16be', 2];
    else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
    decoder = new TextDecoder(label);
    feed(decoder.decode(bytes.subarray(skip), { stream: true }));
  };
  return {
    writeText: feed,
    write(bytes) {
      if (decoder) {
        feed(decoder.decode(bytes, { stream: true }));
        return;
      }
      // The byte-order mark needs the first three bytes.
      const all: Uint8Array = head ? concat(head, bytes) : bytes;
      if (all.length < 3) head = all;
      else {
        head = null;
        start(all);
      }
    },
    end() {
      if (!decoder) start(head ?? new Uint8Array(0));
      feed(decoder!.decode());
      parser.close();
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Parses a whole XML text (a small part already in memory). */
export function parseXmlText(part: string, xml: string, handlers: XmlHandlers): void {
  const stream = xmlStream(part, handlers, Math.max(DEFAULT_MAX_RUN, xml.length + 1));
  stream.writeText(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  stream.end();
}
