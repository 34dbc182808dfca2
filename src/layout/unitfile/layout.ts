// Unit files: from a tracker, one small workbook per unit with the unit's tasks as lead and as
// coordinator (a recurring task: its periods), the columns the unit fills as input cells with
// validation, everything else locked (without a password), a short instruction, the plan's
// number and the reply deadline. No formula links it to the tracker. A hidden, protected sheet
// carries its ticket: the format, the plan's fingerprint, the unit, when it was made, and each
// row's values at that time, so the merge can tell what the unit changed and what changed in
// the tracker since (./merge.ts).

import type { IsoDate, Plan, PlanTask } from '../../core/plan/types';
import { unitNames } from '../../core/status/rollup';
import { taskOccurrences } from '../../core/status/items';
import { periodLabel, planYears, splitOccurrenceCode } from '../../core/time/occurrences';
import { address, columnLetter } from '../../excel/a1';
import { idCell } from '../cells';
import { codeColumnWidth, fitSheet } from '../fit';
import { dateRule, progressRule, stateRule } from '../entry-rules';
import { DEFAULT_FONT, DEFAULT_SIZE } from '../metrics';
import { viDate } from '../context';
import { labelsFor, type Language } from '../labels';
import { legalLayout } from '../legal';
import { STYLES, TAB_COLOURS } from '../styles';
import type { TrackedRow, TrackerContents } from '../tracker/model';
import type { Cell, SheetLayout, WorkbookLayout } from '../types';
import {
  ANSWER_FIELDS,
  ANSWER_MARKER,
  TICKET_MARKER,
  TICKET_SHEET,
  UNIT_FILE_FORMAT,
  type FieldValues,
  type Ticket,
  type UnitFile,
  type UnitFileRow,
} from './model';
import { fieldLabel, valuesOf } from './values';

/** Rows of the answer sheet: the header, then the tasks. */
export const ANSWER_HEADER_ROW = 7;
/** The ticket sheet: key / value rows from row 2, the rows' values from TICKET_ROWS. */
export const TICKET_KEYS = [
  'fingerprint',
  'planNumber',
  'unit',
  'sentAt',
  'replyBy',
  'ticket',
  'count',
  'checksum',
] as const;
export const TICKET_ROWS = 12;

/** Columns of the answer sheet: what the unit reads, then the fields it fills. */
const READ_COLUMNS = ['code', 'role', 'task', 'lead', 'support', 'time', 'deadline'] as const;
const WIDTHS = [13, 10, 50, 22, 22, 16, 12, 16, 9, 12, 30, 12, 24];

export interface UnitFileOptions {
  /** When the files are made: "dd/mm/yyyy hh:mm" (the door gives it; the layout reads no clock). */
  sentAt: string;
  replyBy: IsoDate;
  language: Language;
}

/** A 32-bit FNV-1a hash, in hex: a checksum, not a secret. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The checksum of a ticket's contents (all but the checksum itself). */
export function ticketChecksum(t: Omit<Ticket, 'format'>): string {
  const rows = t.rows.map((r) => [r.code, ...ANSWER_FIELDS.map((f) => r.values[f])].join('\t'));
  return checksum(
    [t.fingerprint, t.planNumber, t.unit, t.sentAt, t.replyBy ?? '', t.ticket, ...rows].join('\n'),
  );
}

/** A file name from a unit's name: no characters file systems refuse, not too long. */
function unitFileName(unit: string, taken: Set<string>): string {
  const base =
    unit
      .normalize('NFC')
      .replace(/[\\/:*?"<>|]/g, ' ')
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 80)
      .trim() || 'Don vi';
  let name = `${base}.xlsx`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i}).xlsx`;
  taken.add(name.toLowerCase());
  return name;
}

/** Which units get a file, and their rows, from the tracker and the plan read back from it. */
export function unitFiles(
  tracker: TrackerContents,
  plan: Plan,
  options: { sentAt: string; replyBy: IsoDate },
): UnitFile[] {
  const canonical = unitNames(plan);
  const unitOf = (name: string): string => canonical.get(name) ?? name;
  const rowsByCode = new Map(tracker.rows.filter((r) => r.code).map((r) => [r.code, r]));
  // A recurring task's periods, as the tracker lists them.
  const periodsOf = new Map<string, TrackedRow[]>();
  let lastYear = tracker.horizon ?? 0;
  for (const row of tracker.rows) {
    const o = splitOccurrenceCode(row.code);
    if (!o) continue;
    if (!periodsOf.has(o.task)) periodsOf.set(o.task, []);
    periodsOf.get(o.task)!.push(row);
    lastYear = Math.max(lastYear, Number(o.period.slice(0, 4)));
  }
  const years = planYears(plan.document);
  const rowsOf = (task: PlanTask, role: 'lead' | 'support'): UnitFileRow[] => {
    const periods = periodsOf.get(task.id);
    if (periods && periods.length > 0) {
      const known = new Map(taskOccurrences(task, years, lastYear).map((o) => [o.period, o]));
      return (
        periods
          .map((row) => ({ row, o: known.get(splitOccurrenceCode(row.code)!.period) }))
          // Periods that start after the reply deadline are not reported on yet.
          .filter(({ o }) => !o || o.start <= options.replyBy)
          .map(({ row, o }) => fileRow(row, task, role, o?.due ?? null, o?.period))
      );
    }
    const row = rowsByCode.get(task.id);
    return row ? [fileRow(row, task, role, task.time.due)] : [];
  };
  const taken = new Set<string>();
  const files: UnitFile[] = [];
  for (const unit of plan.units) {
    const rows: UnitFileRow[] = [];
    for (const task of plan.tasks) {
      const lead = task.lead.some((n) => unitOf(n) === unit.name);
      const support = !lead && task.support.some((n) => unitOf(n) === unit.name);
      if (lead || support) rows.push(...rowsOf(task, lead ? 'lead' : 'support'));
    }
    if (rows.length === 0) continue;
    files.push({
      unit: unit.name,
      fileName: unitFileName(unit.name, taken),
      ticket: `P-${checksum(`${unit.name}\n${options.sentAt}`)}${checksum(`${options.sentAt}\n${unit.name}\n${rows.length}`).slice(0, 4)}`,
      rows,
    });
  }
  return files;
}

function fileRow(
  row: TrackedRow,
  task: PlanTask,
  role: 'lead' | 'support',
  due: IsoDate | null,
  period?: string,
): UnitFileRow {
  return {
    code: row.code,
    role,
    title: period ? `${periodLabel(period)} – ${task.title}` : task.title,
    lead: row.lead,
    support: row.support,
    time: period ? periodLabel(period) : row.time,
    due: row.entries.extendedTo ?? due,
    values: valuesOf(row.entries),
  };
}

/** The workbook of one unit file. */
export function unitFileLayout(
  plan: Pick<Plan, 'document'>,
  fingerprint: string,
  file: UnitFile,
  options: UnitFileOptions,
): WorkbookLayout {
  const labels = labelsFor(options.language);
  const words = labels.words;
  const d = plan.document;
  const planLine = [
    d.type ? d.type.charAt(0) + d.type.slice(1).toLocaleLowerCase('vi') : words.plan!,
    d.number ? (options.language === 'vi' ? `số ${d.number}` : `No. ${d.number}`) : '',
    d.date ? `${words.dated!} ${viDate(d.date)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const headers = [
    words.code!,
    words.role!,
    words.task!,
    words.lead!,
    words.support!,
    words.time!,
    words.deadline!,
    ...ANSWER_FIELDS.map((f) => fieldLabel(f, options.language, 'file')),
  ];
  const first = ANSWER_HEADER_ROW + 1;
  const last = first + Math.max(file.rows.length, 1) - 1;
  const text = (t: string, style = 'text'): Cell => (t ? { text: t, style } : { style });
  const entryDate = (iso: string): Cell =>
    iso ? { date: iso, style: 'entryDate' } : { style: 'entryDate' };
  const body = file.rows.map((row): Cell[] => {
    const v = row.values;
    const state = v.state ? ((labels.states as Record<string, string>)[v.state] ?? v.state) : '';
    return [
      idCell(row.code),
      text(labels.roles[row.role], 'textCenter'),
      text(row.title),
      text(row.lead),
      text(row.support),
      text(row.time),
      row.due ? { date: row.due, style: 'date' } : { style: 'date' },
      text(state, 'entry'),
      v.progress ? { number: Number(v.progress), style: 'entryInt' } : { style: 'entryInt' },
      entryDate(v.completed),
      text(v.note, 'entry'),
      entryDate(v.extensionRequest),
      text(v.extensionReason, 'entry'),
    ];
  });
  const col = (field: (typeof ANSWER_FIELDS)[number]): string => {
    const c = columnLetter(READ_COLUMNS.length + ANSWER_FIELDS.indexOf(field));
    return `${c}${first}:${c}${last}`;
  };
  const states = Object.values(labels.states);
  const columns = WIDTHS.map((width, i) => ({
    width: i === 0 ? codeColumnWidth(file.rows, width) : width,
  }));
  const answer: SheetLayout = {
    key: 'answer',
    kind: 'answer',
    name: words.unitFileSheet!,
    marker: ANSWER_MARKER,
    // The colour of the task list it answers.
    tabColor: TAB_COLOURS.tasks,
    columns,
    blocks: [
      {
        origin: 'A1',
        rows: [
          [{ text: words.unitFileTitle!, style: 'title' }],
          [{ text: `${planLine}${d.title ? `: ${d.title}` : ''}`, style: 'subtitle' }],
          [{ text: `${words.unit!}: ${file.unit}`, style: 'section' }],
          [
            { text: `${words.replyByLine!} ${viDate(options.replyBy)}`, style: 'label' },
            null,
            null,
            { text: `${words.ticket!}: ${file.ticket} · ${options.sentAt}`, style: 'subtitle' },
          ],
          [{ text: words.unitFileHelp!, style: 'help' }],
        ],
      },
      {
        origin: address(0, ANSWER_HEADER_ROW),
        rows: [headers.map((h) => ({ text: h, style: 'header' }))],
      },
      ...(body.length > 0 ? [{ origin: address(0, first), rows: body }] : []),
    ],
    merges: ['A4:C4', 'D4:M4', 'A5:M5'],
    rowHeights: { 5: 48, [ANSWER_HEADER_ROW]: 32 },
    freeze: { rows: ANSWER_HEADER_ROW, columns: 0 },
    conditionalFormats: [],
    dataValidations: [
      stateRule(col('state'), `"${states.join(',')}"`, words),
      progressRule(col('progress'), words),
      ...(['completed', 'extensionRequest'] as const).map((f) =>
        dateRule(col(f), fieldLabel(f, options.language, 'file'), words),
      ),
    ],
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      repeatRows: `${ANSWER_HEADER_ROW}:${ANSWER_HEADER_ROW}`,
      header: `&L${planLine.replace(/&/g, '&&')}`,
      footer: `&L${file.unit.replace(/&/g, '&&')}&R&P/&N`,
    },
    protect: true,
    textNumbers: [`A${first}:A${last}`],
  };
  const ticket: Omit<Ticket, 'format'> = {
    fingerprint,
    planNumber: d.number ?? '',
    unit: file.unit,
    sentAt: options.sentAt,
    replyBy: options.replyBy,
    ticket: file.ticket,
    rows: file.rows.map((r) => ({ code: r.code, values: r.values })),
  };
  // The workbook's font (as a tracker's default), every row as tall as its text needs.
  const styles = Object.fromEntries(
    Object.entries(STYLES).map(([id, style]) => [
      id,
      {
        ...style,
        font: { ...style.font, name: DEFAULT_FONT, size: style.font?.size ?? DEFAULT_SIZE },
      },
    ]),
  );
  fitSheet(answer, styles, DEFAULT_FONT, words.tooTall!);
  return legalLayout(
    {
      sheets: [answer, ticketSheet(ticket)],
      names: [
        { name: ANSWER_MARKER, ref: `'${answer.name}'!$A$1` },
        { name: TICKET_MARKER, ref: `${TICKET_SHEET}!$A$1` },
      ],
      styles,
      activeSheet: answer.name,
      properties: {
        title: `${words.unitFileTitle!} — ${file.unit}`,
        subject: planLine,
        creator: 'PhuLuc',
        description: `${UNIT_FILE_FORMAT}; ${file.ticket}`,
      },
    },
    options.language,
  );
}

/** The hidden sheet: every value as text, so no program turns it into something else. */
function ticketSheet(t: Omit<Ticket, 'format'>): SheetLayout {
  const s = (text: string): Cell => ({ text, style: 'plain' });
  const values: Record<(typeof TICKET_KEYS)[number], string> = {
    fingerprint: t.fingerprint,
    planNumber: t.planNumber,
    unit: t.unit,
    sentAt: t.sentAt,
    replyBy: t.replyBy ?? '',
    ticket: t.ticket,
    count: String(t.rows.length),
    checksum: ticketChecksum(t),
  };
  const rows: (Cell | null)[][] = [
    [s(UNIT_FILE_FORMAT)],
    ...TICKET_KEYS.map((k) => [s(k), s(values[k])]),
  ];
  const valueRows = t.rows.map((r) => [
    s(r.code),
    ...ANSWER_FIELDS.map((f) => s(valueText(r.values, f))),
  ]);
  return {
    key: 'ticket',
    kind: 'ticket',
    name: TICKET_SHEET,
    marker: TICKET_MARKER,
    hidden: true,
    columns: [14, 24, 12, 12, 24, 12, 24].map((width) => ({ width })),
    blocks: [
      { origin: 'A1', rows },
      {
        origin: address(0, TICKET_ROWS - 1),
        rows: [[s('code'), ...ANSWER_FIELDS.map((f) => s(f))], ...valueRows],
      },
    ],
    conditionalFormats: [],
    dataValidations: [],
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
    protect: true,
  };
}

const valueText = (values: FieldValues, f: (typeof ANSWER_FIELDS)[number]): string => values[f];
