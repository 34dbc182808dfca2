// Texts as SpreadsheetML stores them: runs of <t> (rich text) whose phonetic guides (<rPh>)
// are not part of the text, and characters XML cannot hold written as "_xHHHH_".

import type { XmlHandlers } from '../xml';

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** "_x000D_" → "\r"; "_x005F_x000D_" stays "_x000D_" (an escaped underscore). */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_all, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/**
 * Collects the text of <t> elements under an element (a shared string <si>, an inline string
 * <is>, a comment's <text>), leaving out phonetic runs. Feed it the events inside that element.
 */
export class RunText {
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;

  reset(): void {
    this.parts = [];
    this.inT = false;
    this.phonetic = 0;
  }

  open(name: string): void {
    if (name === 't') this.inT = this.phonetic === 0;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(chars: string): void {
    if (this.inT) this.parts.push(chars);
  }

  value(): string {
    const joined = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    return decodeEscapes(joined);
  }
}

/** xl/sharedStrings.xml → its strings, in order. `keep` checks and counts each one. */
export function sharedStringsCollector(keep: (text: string) => string): {
  handlers: XmlHandlers;
  strings: string[];
} {
  const strings: string[] = [];
  const run = new RunText();
  let inSi = false;
  return {
    strings,
    handlers: {
      open(name) {
        if (name === 'si') {
          inSi = true;
          run.reset();
        } else if (inSi) run.open(name);
      },
      close(name) {
        if (name === 'si') {
          inSi = false;
          strings.push(keep(run.value()));
        } else if (inSi) run.close(name);
      },
      text(chars) {
        if (inSi) run.text(chars);
      },
    },
  };
}
