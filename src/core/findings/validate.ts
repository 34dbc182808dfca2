import type { Finding, Plan, PlanTask } from '../plan/types';
import { EXCEL_CELL_LIMIT } from '../text/legal';
import { foldForMatch, trimEndWhere } from '../text/normalize';
import {
  type Field,
  FIELD_EN,
  FIELD_VI,
  finding,
  groupDigits,
  SEVERITY_ORDER,
  viDate,
} from './messages';
import { checkSeveralTimes } from './several-times';

export interface ValidationContext {
  /** Every unit spelling → its canonical name (from the unit directory). */
  aliasToUnit: Map<string, string>;
  /**
   * True when the source knew its merged cells (an Excel sheet, a Word or HTML table, a ruled
   * PDF table): a blank cell is then truly empty, never a lost merge.
   */
  mergesKnown?: boolean;
  /**
   * Cells a person filled "as above" (a merged cell lost in conversion), by source line and
   * field: the row did lose its merges, so a blank beside them is still a likely lost merge.
   */
  mergedAbove?: readonly { line: number; field: Field }[];
}

type PlanBody = Omit<Plan, 'findings'>;

/** The years a plan's title names: "năm 2024", "giai đoạn 2021 - 2025"; null when it names none. */
export function titleYears(title: string | null): [number, number] | null {
  if (!title) return null;
  const range = /(?:giai đoạn|thời kỳ|từ năm)?\s*(\d{4})\s*[-–—]\s*(\d{4})/u.exec(title);
  if (range && Number(range[2]) >= Number(range[1])) return [Number(range[1]), Number(range[2])];
  const year = /năm\s+(\d{4})/u.exec(title);
  return year ? [Number(year[1]), Number(year[1])] : null;
}

const isFilled = (task: PlanTask, field: Field): boolean => {
  switch (field) {
    case 'lead':
      return task.lead.length > 0;
    case 'support':
      return task.support.length > 0;
    case 'time':
      return task.time.text !== '';
    case 'product':
      return task.product !== '';
    case 'title':
      return task.title !== '';
    case 'stt':
      return task.stt !== '';
  }
};

const cellText = (task: PlanTask, field: Field): string => {
  switch (field) {
    case 'lead':
      return task.lead.join('; ');
    case 'support':
      return task.support.join('; ');
    case 'time':
      return task.time.text;
    default:
      return field === 'product' ? task.product : task.title;
  }
};

/** Blank cells and lost merges: a blank under a filled cell of the task above. */
function checkBlanks(task: PlanTask, above: PlanTask | null, ctx: ValidationContext): Finding[] {
  const out: Finding[] = [];
  const mergeCandidate = (field: Field): boolean =>
    !ctx.mergesKnown && above !== null && above.section === task.section && isFilled(above, field);
  const sameAbove = (field: Field): [string, string] | undefined =>
    mergeCandidate(field)
      ? [
          `Nếu trong bản gốc ô này gộp với ô trên, điền "như trên": ${cellText(above!, field)}`,
          `If this cell was merged with the one above in the original, fill in "same as above": ${cellText(above!, field)}`,
        ]
      : undefined;

  if (!isFilled(task, 'title')) {
    out.push(
      finding(
        'task-empty',
        'error',
        task.id,
        task.rows,
        ['Nhiệm vụ không có nội dung.', 'The task has no text.'],
        { field: 'title' },
      ),
    );
  }
  if (!isFilled(task, 'lead')) {
    out.push(
      finding(
        'lead-missing',
        'error',
        task.id,
        task.rows,
        ['Nhiệm vụ chưa có đơn vị chủ trì.', 'The task has no lead unit.'],
        {
          field: 'lead',
          suggestion: sameAbove('lead'),
        },
      ),
    );
  }
  if (!isFilled(task, 'time')) {
    out.push(
      finding(
        'time-missing',
        'warning',
        task.id,
        task.rows,
        ['Nhiệm vụ chưa có thời gian thực hiện.', 'The task has no time.'],
        {
          field: 'time',
          suggestion: sameAbove('time'),
        },
      ),
    );
  }
  // Coordinating units and deliverables are often legitimately empty: flag them only when the
  // row also lost its lead or time, i.e. it sits under a merged block.
  const filledAsAbove = (field: Field): boolean =>
    (ctx.mergedAbove ?? []).some((m) => m.field === field && task.rows.includes(m.line));
  const rowLostMerge = (['lead', 'time'] as Field[]).some(
    (f) => (!isFilled(task, f) && mergeCandidate(f)) || filledAsAbove(f),
  );
  if (rowLostMerge) {
    for (const field of ['support', 'product'] as Field[]) {
      if (isFilled(task, field) || !mergeCandidate(field)) continue;
      out.push(
        finding(
          'maybe-lost-merge',
          'info',
          task.id,
          task.rows,
          [
            `Ô ${FIELD_VI[field]} trống ngay dưới ô có nội dung; có thể là ô gộp bị mất khi chuyển đổi.`,
            `The ${FIELD_EN[field]} cell is blank under a filled one; it may be a merged cell lost in conversion.`,
          ],
          { field, suggestion: sameAbove(field) },
        ),
      );
    }
  }
  return out;
}

function checkTime(task: PlanTask, plan: PlanBody): Finding[] {
  const out: Finding[] = [];
  const { time } = task;
  if (time.text && time.kind === null) {
    out.push(
      finding(
        'time-unknown',
        'warning',
        task.id,
        task.rows,
        [`Không hiểu được thời gian "${time.text}".`, `The time "${time.text}" is not understood.`],
        {
          field: 'time',
          suggestion: [
            'Ghi rõ ngày, tháng, quý hoặc năm (ví dụ: "Quý II/2024", "Trước 15/3/2024").',
            'Write a date, month, quarter or year (e.g. "Quý II/2024", "Trước 15/3/2024").',
          ],
        },
      ),
    );
  }
  if (time.kind === 'vague') {
    out.push(
      finding(
        'time-vague',
        'warning',
        task.id,
        task.rows,
        [
          `Thời gian "${time.text}" không xác định được hạn.`,
          `The time "${time.text}" gives no deadline.`,
        ],
        {
          field: 'time',
          suggestion: [
            'Ghi một thời hạn cụ thể để theo dõi được.',
            'Give a concrete deadline so the task can be tracked.',
          ],
        },
      ),
    );
  }
  if (time.start && time.due && time.due < time.start) {
    out.push(
      finding(
        'due-before-start',
        'error',
        task.id,
        task.rows,
        [
          `Hạn hoàn thành (${viDate(time.due)}) trước ngày bắt đầu (${viDate(time.start)}).`,
          `The due date (${viDate(time.due)}) is before the start (${viDate(time.start)}).`,
        ],
        { field: 'time' },
      ),
    );
  }
  const { document: doc } = plan;
  const issued = doc.date;
  // A recurring task's first period may fall before the plan was signed; later ones do not.
  if (time.due && issued && time.due < issued && time.kind !== 'recurring') {
    out.push(
      finding(
        'due-before-issue',
        'warning',
        task.id,
        task.rows,
        [
          `Hạn ${viDate(time.due)} trước ngày ban hành kế hoạch (${viDate(issued)}).`,
          `The deadline ${viDate(time.due)} is before the plan's issue date (${viDate(issued)}).`,
        ],
        { field: 'time' },
      ),
    );
  }
  const years = titleYears(doc.title);
  if (time.due && years) {
    const dueYear = Number(time.due.slice(0, 4));
    if (dueYear < years[0] || dueYear > years[1]) {
      const span = years[0] === years[1] ? `${years[0]}` : `${years[0]}–${years[1]}`;
      out.push(
        finding(
          'due-outside-plan',
          'info',
          task.id,
          task.rows,
          [
            `Hạn ${viDate(time.due)} nằm ngoài năm của kế hoạch (${span}).`,
            `The deadline ${viDate(time.due)} is outside the plan's years (${span}).`,
          ],
          { field: 'time' },
        ),
      );
    }
  }
  return out;
}

function checkUnits(task: PlanTask, ctx: ValidationContext): Finding[] {
  const canonical = (name: string): string => ctx.aliasToUnit.get(name) ?? name;
  const leads = new Set(task.lead.map(canonical));
  const both = [...new Set(task.support.map(canonical))].filter((u) => leads.has(u));
  if (both.length === 0) return [];
  const names = both.map((u) => `"${u}"`).join(', ');
  return [
    finding(
      'lead-is-support',
      'warning',
      task.id,
      task.rows,
      [
        `${names} vừa là đơn vị chủ trì vừa là đơn vị phối hợp.`,
        `${names} ${both.length > 1 ? 'are' : 'is'} both lead and coordinating.`,
      ],
      {
        field: 'support',
        suggestion: [
          `Bỏ ${names} khỏi cột phối hợp.`,
          `Remove ${names} from the coordinating units.`,
        ],
      },
    ),
  ];
}

/** Cut text: a unit name or task text that ends on a word that cannot end it. */
function checkCut(task: PlanTask): Finding[] {
  const dangling = /(\s(và|của|các|cho|tại|trên|với|theo|về|để|từ)|[-–&,])$/u;
  const out: Finding[] = [];
  for (const field of ['lead', 'support'] as Field[]) {
    const names = field === 'lead' ? task.lead : task.support;
    const cut = names.find((n) => dangling.test(n));
    if (cut) {
      out.push(
        finding(
          'cell-cut',
          'warning',
          task.id,
          task.rows,
          [
            `Tên đơn vị "${cut}" có vẻ bị cắt (phần còn lại có thể nằm ở dòng khác).`,
            `The unit name "${cut}" looks cut off (the rest may sit on another row).`,
          ],
          { field },
        ),
      );
    }
  }
  if (dangling.test(task.title)) {
    out.push(
      finding(
        'cell-cut',
        'warning',
        task.id,
        task.rows,
        ['Nội dung nhiệm vụ có vẻ bị cắt ở cuối.', 'The task text looks cut off at the end.'],
        { field: 'title' },
      ),
    );
  }
  return out;
}

/** Texts longer than one Excel cell holds: the workbook writes their beginning only. */
function checkLength(task: PlanTask): Finding[] {
  const out: Finding[] = [];
  const flag = (length: number, vi: string, en: string, field?: Field): void => {
    if (length <= EXCEL_CELL_LIMIT) return;
    const limitVi = groupDigits(EXCEL_CELL_LIMIT, 'vi');
    const limitEn = groupDigits(EXCEL_CELL_LIMIT, 'en');
    out.push(
      finding(
        'cell-too-long',
        'warning',
        task.id,
        task.rows,
        [
          `Ô ${vi} dài ${groupDigits(length, 'vi')} ký tự, quá ${limitVi} ký tự một ô Excel chứa được: sổ theo dõi chỉ ghi phần đầu, có ghi chú cắt ở cuối ô.`,
          `The ${en} cell is ${groupDigits(length, 'en')} characters long, more than the ${limitEn} an Excel cell holds: the workbook keeps its beginning, with a note at the end of the cell.`,
        ],
        field ? { field } : {},
      ),
    );
  };
  for (const field of ['title', 'lead', 'support', 'time', 'product'] as Field[]) {
    // Unit lists are written one unit per line.
    const text =
      field === 'lead' || field === 'support' ? task[field].join('\n') : cellText(task, field);
    flag(text.length, FIELD_VI[field], FIELD_EN[field], field);
  }
  flag(task.note?.length ?? 0, 'ghi chú', 'note');
  for (const [header, value] of Object.entries(task.extra ?? {})) {
    flag(value.length, `"${header}"`, `"${header}"`);
  }
  return out;
}

/** Numbering within a section (or across the table when it runs on): duplicates, gaps, order. */
function checkNumbering(tasks: PlanTask[]): Finding[] {
  const out: Finding[] = [];
  const bySection = new Map<string | null, PlanTask[]>();
  for (const t of tasks) bySection.set(t.section, [...(bySection.get(t.section) ?? []), t]);
  const groups = [...bySection.values()];
  // Numbering runs on when a later section does not start again at 1 (seed 002).
  const runsOn = groups.length > 1 && groups.slice(1).some((g) => Number(g[0]?.stt) > 1);
  const sequences = runsOn ? [tasks] : groups;
  for (const seq of sequences) {
    const seen = new Map<number, PlanTask>();
    let previous: number | null = null;
    for (const task of seq) {
      if (!/^\d+$/.test(task.stt)) continue;
      const n = Number(task.stt);
      const first = seen.get(n);
      if (first) {
        out.push(
          finding(
            'stt-duplicate',
            'warning',
            task.id,
            task.rows,
            [
              `STT ${n} lặp lại (đã có ở nhiệm vụ ${first.id}).`,
              `STT ${n} repeats (already used by task ${first.id}).`,
            ],
            { field: 'stt' },
          ),
        );
      } else if (previous !== null && n < previous) {
        out.push(
          finding(
            'stt-order',
            'warning',
            task.id,
            task.rows,
            [
              `STT ${n} đứng sau STT ${previous}: sai thứ tự.`,
              `STT ${n} comes after STT ${previous}: out of order.`,
            ],
            { field: 'stt' },
          ),
        );
      } else if (n > (previous ?? 0) + 1) {
        const missing =
          previous === null
            ? `1–${n - 1}`
            : n - 1 === previous + 1
              ? `${previous + 1}`
              : `${previous + 1}–${n - 1}`;
        out.push(
          finding(
            'stt-skipped',
            'warning',
            task.id,
            task.rows,
            [
              `Thiếu STT ${missing} trước nhiệm vụ ${task.id}.`,
              `STT ${missing} is missing before task ${task.id}.`,
            ],
            { field: 'stt' },
          ),
        );
      }
      if (!first) seen.set(n, task);
      previous = Math.max(previous ?? n, n);
    }
  }
  return out;
}

function checkDuplicates(tasks: PlanTask[]): Finding[] {
  const out: Finding[] = [];
  const firstByText = new Map<string, PlanTask>();
  for (const task of tasks) {
    const key = trimEndWhere(foldForMatch(task.title), (c) => /[.;:,\s]/.test(c));
    if (!key) continue;
    const first = firstByText.get(key);
    if (first) {
      out.push(
        finding(
          'task-duplicate',
          'warning',
          task.id,
          [...first.rows, ...task.rows],
          [
            `Nhiệm vụ ${task.id} trùng nội dung với nhiệm vụ ${first.id}.`,
            `Task ${task.id} has the same text as task ${first.id}.`,
          ],
          {
            field: 'title',
            suggestion: [
              'Gộp hai nhiệm vụ, hoặc ghi rõ điểm khác nhau.',
              'Merge the two tasks, or say how they differ.',
            ],
          },
        ),
      );
    } else firstByText.set(key, task);
  }
  return out;
}

function checkTables(plan: PlanBody): Finding[] {
  if (plan.tables.some((t) => t.kind === 'tasks')) return [];
  const forms = plan.tables.filter((t) => t.kind === 'report-form').length;
  const others = plan.tables.length - forms;
  return [
    finding(
      'no-task-table',
      plan.tables.length > 0 ? 'info' : 'error',
      null,
      [],
      [
        `Văn bản không có bảng phân công nhiệm vụ (tìm thấy ${forms} biểu mẫu báo cáo, ${others} bảng khác).`,
        `The document has no task table (found ${forms} report forms, ${others} other tables).`,
      ],
    ),
  ];
}

/** Everything a careful clerk would flag before the plan is signed or tracked. */
export function validatePlan(plan: PlanBody, ctx: ValidationContext): Finding[] {
  const perTask = plan.tasks.flatMap((task, i) => [
    ...checkBlanks(task, i > 0 ? plan.tasks[i - 1]! : null, ctx),
    ...checkTime(task, plan),
    ...checkUnits(task, ctx),
    ...checkCut(task),
    ...checkLength(task),
    ...checkSeveralTimes(task),
  ]);
  return [
    ...checkTables(plan),
    ...perTask,
    ...checkNumbering(plan.tasks),
    ...checkDuplicates(plan.tasks),
  ];
}

/** Plan-level findings first, then by the task's place in the document, then by severity. */
export function sortFindings(findings: Finding[], tasks: PlanTask[]): Finding[] {
  const order = new Map(tasks.map((t, i) => [t.id, i]));
  const place = (f: Finding): number =>
    f.task === null ? -1 : (order.get(f.task) ?? tasks.length);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        place(a.f) - place(b.f) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}
