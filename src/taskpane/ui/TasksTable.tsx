// The preview's task list. Wide (from 900 px): a table whose columns keep their share of the
// width (the task's text the most; a date never wider than its column; long text wraps between
// words). Narrow (a task pane, a phone): one card per task with every column under the task's
// text, long texts shortened behind a "Show more" button (no tooltip: touch and keyboard reach
// it). A cell a finding points at says so and can be typed in: the correction flows to the
// findings and to the workbook.

import {
  Badge,
  Body1,
  Button,
  Field,
  Input,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  EditRegular,
  ErrorCircleRegular,
  InfoRegular,
  TaskListLtrRegular,
  WarningRegular,
} from '@fluentui/react-icons';
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { findingLabel, severityLabel } from '../../core/findings';
import type { Finding, Plan, PlanTask, Severity } from '../../core/plan/types';
import { viDate } from '../../core/time/calendar';
import type { Strings } from '../i18n';
import { type EditableField, editableFields, editKey } from '../model/fixes';
import { editableFieldOf } from '../model/store';
import { Section, useCommonStyles } from './common';
import { usePaneState, useStore, useStrings } from './context';

/** From this width the preview is a table of six columns. */
export const TABLE_MIN_WIDTH = 900;
const WIDE_QUERY = `(min-width: ${TABLE_MIN_WIDTH}px)`;

function subscribeWide(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const query = window.matchMedia(WIDE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True when the window is wide enough for the table (rendered on a server: true). */
function useWide(): boolean {
  return useSyncExternalStore(
    subscribeWide,
    () =>
      typeof window !== 'undefined' && window.matchMedia
        ? window.matchMedia(WIDE_QUERY).matches
        : true,
    () => true,
  );
}

const useStyles = makeStyles({
  scroll: { margin: `0 calc(-1 * ${tokens.spacingHorizontalM})` },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  colId: { width: '8%' },
  colTask: { width: '30%' },
  colLead: { width: '16%' },
  colSupport: { width: '15%' },
  colDue: { width: '12%' },
  colProduct: { width: '19%' },
  th: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Lines break between words; a word longer than its column (a link) is the only one cut.
    overflowWrap: 'break-word',
    wordBreak: 'normal',
  },
  id: { fontWeight: tokens.fontWeightSemibold },
  section: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    margin: 0,
  },
  highlight: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `2px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    outlineOffset: '-2px',
  },
  missing: { color: tokens.colorPaletteRedForeground1, fontStyle: 'italic' },
  line: { display: 'block' },
  date: { display: 'block', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  sub: { display: 'block', color: tokens.colorNeutralForeground2 },
  notes: {
    listStyle: 'none',
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    padding: 0,
  },
  note: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXS,
    alignItems: 'flex-start',
    fontSize: tokens.fontSizeBase200,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXXS,
  },
  editor: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  more: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalXS, height: 'auto' },
  cards: { listStyle: 'none', margin: 0, padding: 0 },
  card: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'break-word',
  },
  cardHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  cardFields: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  dt: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  dd: { margin: 0 },
});

/** Texts longer than this are shortened behind a "Show more" button. */
const LONG = { title: 400, product: 160, narrowTitle: 160 } as const;

/** A text shortened at a word, with a button that shows the whole (keyboard and touch alike). */
function LongText({ text, limit, label }: { text: string; limit: number; label: string }) {
  const t = useStrings();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if ([...text].length <= limit) return <>{text}</>;
  const cut = text.slice(0, limit);
  const atWord = cut.replace(/\s+\S*$/u, '');
  return (
    <>
      {open ? text : `${atWord || cut}…`}{' '}
      <Button
        appearance="transparent"
        size="small"
        className={styles.more}
        aria-expanded={open}
        aria-label={`${open ? t.preview.showLess : t.preview.showMore}: ${label}`}
        onClick={() => setOpen(!open)}
        data-testid="show-more"
      >
        {open ? t.preview.showLess : t.preview.showMore}
      </Button>
    </>
  );
}

function SeverityIcon({ severity }: { severity: Severity }) {
  if (severity === 'error') return <ErrorCircleRegular aria-hidden="true" />;
  if (severity === 'warning') return <WarningRegular aria-hidden="true" />;
  return <InfoRegular aria-hidden="true" />;
}

/** The kinds of finding a cell has, in words, coloured by severity. */
function Notes({ findings }: { findings: Finding[] }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const language = usePaneState().settings.language;
  if (findings.length === 0) return null;
  return (
    <ul className={styles.notes} data-testid="cell-findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={mergeClasses(styles.note, styles[f.severity])}>
          <SeverityIcon severity={f.severity} />
          <span>
            <span className={common.visuallyHidden}>{severityLabel(f.severity, language)}: </span>
            {findingLabel(f, language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The time as the preview shows it: the deadline (or its kind) over the text as written. */
function TimeText({ task, t }: { task: PlanTask; t: Strings }) {
  const styles = useStyles();
  const { time } = task;
  const head = time.due ? viDate(time.due) : time.kind ? t.kinds[time.kind] : '';
  if (!head && !time.text) return <span className={styles.missing}>—</span>;
  return (
    <>
      {head ? (
        <span className={time.due ? styles.date : styles.line} data-testid="time-head">
          {head}
        </span>
      ) : null}
      {time.text && time.text !== head ? (
        <span className={styles.sub} data-testid="time-text">
          {time.text}
        </span>
      ) : null}
    </>
  );
}

function Units({ names }: { names: string[] }) {
  const styles = useStyles();
  return (
    <>
      {names.map((name, i) => (
        <span key={`${name}-${i}`} className={styles.line}>
          {name}
        </span>
      ))}
    </>
  );
}

/** The editor of one field of a task: the field's text (two boxes for Start / Due columns). */
function Editor({
  task,
  field,
  onDone,
}: {
  task: PlanTask;
  field: EditableField;
  onDone: (saved: boolean) => void;
}) {
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const [values, setValues] = useState<string[]>(() => store.fieldText(task.id, field));
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => first.current?.focus(), []);
  const name = t.preview.fieldNames[field];
  const save = (event?: FormEvent): void => {
    event?.preventDefault();
    store.editTask(task.id, field, values);
    onDone(true);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone(false);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      save();
    }
  };
  const set = (i: number, value: string): void =>
    setValues((vs) => vs.map((v, j) => (j === i ? value : v)));
  const labels =
    values.length === 2
      ? [t.preview.startLabel, t.preview.dueLabel]
      : [t.preview.editLabel(name, task.id)];
  return (
    <form className={styles.editor} onSubmit={save} onKeyDown={onKey} data-testid="cell-editor">
      {values.map((value, i) => (
        <Field
          key={i}
          label={labels[i]}
          hint={i === values.length - 1 ? t.preview.editHints[field] : undefined}
          size="small"
        >
          {field === 'time' ? (
            <Input
              size="small"
              value={value}
              ref={i === 0 ? first : undefined}
              id={`${id}-${i}`}
              onChange={(_e, data) => set(i, data.value)}
              data-testid="cell-input"
            />
          ) : (
            <Textarea
              size="small"
              resize="vertical"
              value={value}
              ref={i === 0 ? first : undefined}
              id={`${id}-${i}`}
              onChange={(_e, data) => set(i, data.value)}
              textarea={{ rows: field === 'title' ? 4 : 2 }}
              data-testid="cell-input"
            />
          )}
        </Field>
      ))}
      <div className={styles.tools}>
        <Button size="small" appearance="primary" type="submit" data-testid="cell-save">
          {t.preview.save}
        </Button>
        <Button size="small" onClick={() => onDone(false)}>
          {t.preview.cancel}
        </Button>
      </div>
    </form>
  );
}

interface Row {
  task: PlanTask;
  /** Findings of the task, by the field they point at (task-wide ones under "title"). */
  findings: Partial<Record<EditableField | 'product' | 'stt', Finding[]>>;
  /** Fields a person may type: pointed at by a finding, or typed before. */
  editable: Set<EditableField>;
  edited: Set<EditableField>;
}

type Editing = { taskId: string; field: EditableField } | null;

interface CellProps {
  row: Row;
  field: EditableField;
  editing: Editing;
  setEditing: (e: Editing) => void;
  children: ReactNode;
}

/** A field's content, what the findings say of it, and its editor. */
function FieldCell({ row, field, editing, setEditing, children }: CellProps) {
  const t = useStrings();
  const styles = useStyles();
  const { task } = row;
  const open = editing?.taskId === task.id && editing.field === field;
  if (open) {
    return (
      <Editor
        task={task}
        field={field}
        onDone={() => {
          setEditing(null);
          // Back to the cell's edit button, once the plan is read again.
          requestAnimationFrame(() =>
            document
              .querySelector<HTMLButtonElement>(
                `[data-edit="${CSS.escape(`${task.id}|${field}`)}"]`,
              )
              ?.focus(),
          );
        }}
      />
    );
  }
  const canEdit = row.editable.has(field);
  return (
    <>
      {children}
      <Notes findings={row.findings[field] ?? []} />
      {canEdit || row.edited.has(field) ? (
        <div className={styles.tools}>
          {row.edited.has(field) ? (
            <Badge appearance="tint" color="brand" size="small">
              {t.preview.edited}
            </Badge>
          ) : null}
          {canEdit ? (
            <Button
              size="small"
              appearance="subtle"
              icon={<EditRegular />}
              aria-label={t.preview.editLabel(t.preview.fieldNames[field], task.id)}
              onClick={() => setEditing({ taskId: task.id, field })}
              data-edit={`${task.id}|${field}`}
              data-testid="cell-edit"
            >
              {t.preview.edit}
            </Button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function rowsOf(plan: Plan, fixKeys: Set<string>): Map<string, Row> {
  const byTask = new Map<string, Finding[]>();
  for (const f of plan.findings) {
    if (f.task) byTask.set(f.task, [...(byTask.get(f.task) ?? []), f]);
  }
  const rows = new Map<string, Row>();
  for (const task of plan.tasks) {
    const can = new Set(editableFields(plan, task));
    const findings: Row['findings'] = {};
    const editable = new Set<EditableField>();
    const edited = new Set<EditableField>();
    for (const f of byTask.get(task.id) ?? []) {
      const field = f.field ?? 'title';
      (findings[field] ??= []).push(f);
      const e = editableFieldOf(f);
      if (e && can.has(e)) editable.add(e);
    }
    for (const field of can) {
      if (fixKeys.has(editKey(task, field))) {
        edited.add(field);
        editable.add(field);
      }
    }
    rows.set(task.id, { task, findings, editable, edited });
  }
  return rows;
}

/** Step 2's list of tasks, by section. */
export function TasksTable({ plan }: { plan: Plan }) {
  const state = usePaneState();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const wide = useWide();
  const highlighted = useRef<HTMLElement | null>(null);
  const keep = (on: boolean) =>
    on
      ? (el: HTMLElement | null) => {
          highlighted.current = el;
        }
      : undefined;
  const highlight = state.highlight;
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    if (!highlight) return;
    if (highlight.edit && highlight.field) {
      setEditing({ taskId: highlight.taskId, field: highlight.field });
    }
    const row = highlighted.current;
    if (!row) return;
    row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (!highlight.edit) row.focus({ preventScroll: true });
  }, [highlight]);

  if (plan.tasks.length === 0) {
    return (
      <Section title={t.preview.tasksTitle} icon={<TaskListLtrRegular />}>
        <Body1>{t.preview.noTasks}</Body1>
      </Section>
    );
  }

  const rows = rowsOf(plan, new Set(state.fixes.map((f) => f.key)));
  const groups: { id: string | null; title: string; tasks: PlanTask[] }[] = [];
  for (const task of plan.tasks) {
    const last = groups[groups.length - 1];
    if (last && last.id === task.section) last.tasks.push(task);
    else {
      const section = plan.sections.find((s) => s.id === task.section);
      groups.push({
        id: task.section,
        title: section ? `${section.id}. ${section.title}` : t.preview.noSection,
        tasks: [task],
      });
    }
  }
  const hasSections = plan.sections.length > 0;
  const cellProps = { editing, setEditing };
  const rowMarks = (task: PlanTask) => {
    const on = highlight?.taskId === task.id;
    return {
      'data-testid': 'task-row',
      'data-task-id': task.id,
      tabIndex: on ? -1 : undefined,
      'aria-current': on ? ('true' as const) : undefined,
      className: on ? styles.highlight : undefined,
      on,
    };
  };
  const title = (row: Row, limit: number) => (
    <FieldCell row={row} field="title" {...cellProps}>
      {row.task.title ? (
        <LongText
          text={row.task.title}
          limit={limit}
          label={t.preview.showMoreLabel(t.preview.colTask, row.task.id)}
        />
      ) : (
        <span className={styles.missing}>—</span>
      )}
    </FieldCell>
  );
  const lead = (row: Row) => (
    <FieldCell row={row} field="lead" {...cellProps}>
      {row.task.lead.length > 0 ? (
        <Units names={row.task.lead} />
      ) : (
        <span className={styles.missing}>{t.preview.unknown}</span>
      )}
    </FieldCell>
  );
  const support = (row: Row) => (
    <FieldCell row={row} field="support" {...cellProps}>
      <Units names={row.task.support} />
    </FieldCell>
  );
  const time = (row: Row) => (
    <FieldCell row={row} field="time" {...cellProps}>
      <TimeText task={row.task} t={t} />
    </FieldCell>
  );
  const product = (row: Row) => (
    <>
      <LongText
        text={row.task.product}
        limit={LONG.product}
        label={t.preview.showMoreLabel(t.preview.colProduct, row.task.id)}
      />
      <Notes findings={row.findings.product ?? []} />
    </>
  );

  if (!wide) {
    return (
      <Section title={t.preview.tasksTitle} icon={<TaskListLtrRegular />} testId="tasks">
        <p className={common.visuallyHidden}>{t.preview.tasksCaption(plan.tasks.length)}</p>
        {groups.map((group, gi) => (
          <div key={`${group.id ?? ''}-${gi}`} data-testid="section-group">
            {hasSections ? (
              <h3 className={styles.section} data-testid="section-row">
                {group.title} ({group.tasks.length})
              </h3>
            ) : null}
            <ul className={styles.cards}>
              {group.tasks.map((task) => {
                const row = rows.get(task.id)!;
                const { on, className, ...marks } = rowMarks(task);
                return (
                  <li
                    key={task.id}
                    {...marks}
                    ref={keep(on)}
                    className={mergeClasses(styles.card, className)}
                  >
                    <div className={styles.cardHead}>
                      <span className={styles.id}>{task.id}</span>
                      <div>{title(row, LONG.narrowTitle)}</div>
                    </div>
                    <dl className={styles.cardFields}>
                      <div>
                        <dt className={styles.dt}>{t.preview.leadShort}</dt>
                        <dd className={styles.dd} data-testid="task-lead">
                          {lead(row)}
                        </dd>
                      </div>
                      {task.support.length > 0 || row.editable.has('support') ? (
                        <div>
                          <dt className={styles.dt}>{t.preview.supportShort}</dt>
                          <dd className={styles.dd} data-testid="task-support">
                            {support(row)}
                          </dd>
                        </div>
                      ) : null}
                      <div>
                        <dt className={styles.dt}>{t.preview.dueShort}</dt>
                        <dd className={styles.dd} data-testid="task-due">
                          {time(row)}
                        </dd>
                      </div>
                      {task.product ? (
                        <div>
                          <dt className={styles.dt}>{t.preview.productShort}</dt>
                          <dd className={styles.dd} data-testid="task-product">
                            {product(row)}
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </Section>
    );
  }

  return (
    <Section title={t.preview.tasksTitle} icon={<TaskListLtrRegular />} testId="tasks">
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="tasks-table">
          <caption className={common.visuallyHidden}>
            {t.preview.tasksCaption(plan.tasks.length)}
          </caption>
          <colgroup>
            <col className={styles.colId} />
            <col className={styles.colTask} />
            <col className={styles.colLead} />
            <col className={styles.colSupport} />
            <col className={styles.colDue} />
            <col className={styles.colProduct} />
          </colgroup>
          <thead>
            <tr>
              {[
                t.preview.colId,
                t.preview.colTask,
                t.preview.colLead,
                t.preview.colSupport,
                t.preview.colDue,
                t.preview.colProduct,
              ].map((name) => (
                <th key={name} scope="col" className={styles.th}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group, gi) => (
            <tbody key={`${group.id ?? ''}-${gi}`} data-testid="section-group">
              {hasSections ? (
                <tr>
                  <th
                    scope="rowgroup"
                    colSpan={6}
                    className={styles.section}
                    data-testid="section-row"
                  >
                    {group.title} ({group.tasks.length})
                  </th>
                </tr>
              ) : null}
              {group.tasks.map((task) => {
                const row = rows.get(task.id)!;
                const { on, ...marks } = rowMarks(task);
                return (
                  <tr key={task.id} {...marks} ref={keep(on)}>
                    <td className={mergeClasses(styles.td, styles.id)}>{task.id}</td>
                    <td className={styles.td} data-testid="task-title">
                      {title(row, LONG.title)}
                    </td>
                    <td className={styles.td} data-testid="task-lead">
                      {lead(row)}
                    </td>
                    <td className={styles.td} data-testid="task-support">
                      {support(row)}
                    </td>
                    <td className={styles.td} data-testid="task-due">
                      {time(row)}
                    </td>
                    <td className={styles.td} data-testid="task-product">
                      {product(row)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </Section>
  );
}
