// The appendix names the document it belongs to ("(Ban hành kèm theo Kế hoạch số 15/KH-UBND ngày
// 16/02/2019 …)"): when that number or date differs from the document's head, one of them is
// wrong, and every deadline compared with the issue date may be judged against the wrong day.

import type { Grid } from '../grid/types';
import type { Finding, PlanDocument } from '../plan/types';
import { cleanInline } from '../text/cell';
import { foldDiacritics } from '../text/normalize';
import { validIsoDate } from '../time/calendar';
import { finding } from './messages';

/**
 * A line that starts with "(Ban hành) kèm theo <type> số <n>/<suffix>": the appendix's own
 * subtitle (a sentence that cites another document in passing starts otherwise).
 */
const CITATION =
  /^[\s(*_[]*(?:b[aả]n\s+h[aà]nh\s+)?k[eè]m\s+theo\s+(\p{L}+(?:\s+\p{L}+)?)\s+số\s*:?\s*(\d*)\s*\/\s*([\p{L}\p{N}]+(?:\s*[-–]\s*[\p{L}\p{N}]+)*)(.*)$/iu;

/** "ngày 16/02/2019", "ngày 17 tháng 8 năm 2017". */
const DATE = /ngày\s*(\d{1,2})\s*(?:[/.-]|tháng)\s*(\d{1,2})\s*(?:[/.-]|năm)\s*(\d{4})/iu;

interface Citation {
  line: number;
  /** The document type as written ("Kế hoạch"). */
  type: string;
  /** "15/KH-UBND", or null when the number was left blank ("số /QĐ-UBND"). */
  number: string | null;
  date: string | null;
}

const numberKey = (n: string): string => n.replace(/\s+/g, '').replace(/–/g, '-').toUpperCase();

function citations(grid: Grid): Citation[] {
  const out: Citation[] = [];
  for (const row of grid.rows) {
    if (row.tabular) continue;
    const text = cleanInline(row.cells.join(' '));
    const m = CITATION.exec(text);
    if (!m) continue;
    const d = DATE.exec(m[4]!);
    out.push({
      line: row.line,
      type: m[1]!,
      number: m[2] ? `${m[2]}/${m[3]!.replace(/\s+/g, '')}` : null,
      date: d ? validIsoDate(Number(d[3]), Number(d[2]), Number(d[1])) : null,
    });
  }
  return out;
}

/** Mismatches between the appendix's subtitle(s) and the document's head, one per cited value. */
export function appendixHeadFindings(grid: Grid, doc: PlanDocument): Finding[] {
  if (!doc.type) return [];
  const type = foldDiacritics(doc.type);
  const byValue = new Map<string, { kind: 'number' | 'date'; cited: Citation; rows: number[] }>();
  const add = (kind: 'number' | 'date', value: string, cited: Citation): void => {
    const key = `${kind}|${value}`;
    const seen = byValue.get(key);
    if (seen) seen.rows.push(cited.line);
    else byValue.set(key, { kind, cited, rows: [cited.line] });
  };
  for (const cited of citations(grid)) {
    // "kèm theo Quyết định số …" under a plan may name the decision that issued it.
    if (foldDiacritics(cited.type) !== type) continue;
    if (cited.number && doc.number && numberKey(cited.number) !== numberKey(doc.number))
      add('number', numberKey(cited.number), cited);
    if (cited.date && doc.date && cited.date !== doc.date) add('date', cited.date, cited);
  }
  return [...byValue.values()].map(({ kind, cited, rows }) =>
    finding(
      'appendix-mismatch',
      'warning',
      null,
      rows,
      kind === 'number'
        ? {
            mismatch: 'number',
            citedType: cited.type,
            citedNumber: cited.number!,
            headNumber: doc.number!,
          }
        : {
            mismatch: 'date',
            citedType: cited.type,
            citedNumber: cited.number,
            citedDate: cited.date!,
            headDate: doc.date!,
          },
    ),
  );
}
