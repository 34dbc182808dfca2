import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowResetRegular,
  DocumentTextRegular,
  PeopleTeamRegular,
  TableSimpleRegular,
  TaskListLtrRegular,
} from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { ColumnRole, Plan, PlanTable, PlanTask } from '../../core/plan/types';
import { formatDate, type Strings } from '../i18n';
import { NothingYet, Section, useCommonStyles } from './common';
import { usePaneState, useStore, useStrings } from './context';

const ROLES: ColumnRole[] = [
  'stt',
  'task',
  'lead',
  'support',
  'time',
  'start',
  'due',
  'product',
  'note',
];

/** Wide enough for the full table; under it the preview folds to three columns. */
const WIDE = '@media (min-width: 640px)';

const useStyles = makeStyles({
  dl: {
    display: 'grid',
    gridTemplateColumns: '1fr',
    margin: 0,
    [WIDE]: {
      gridTemplateColumns: 'max-content 1fr',
      columnGap: tokens.spacingHorizontalM,
      rowGap: tokens.spacingVerticalXS,
    },
  },
  dt: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
    [WIDE]: { fontSize: tokens.fontSizeBase300, marginTop: 0 },
  },
  dd: { margin: 0, wordBreak: 'break-word' },
  counts: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorBrandForeground1,
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: '1fr',
    gap: tokens.spacingVerticalS,
    [WIDE]: { gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))' },
  },
  tableCaption: { color: tokens.colorNeutralForeground2, margin: 0 },
  scroll: { overflowX: 'auto', margin: `0 calc(-1 * ${tokens.spacingHorizontalM})` },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    tableLayout: 'auto',
  },
  th: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    position: 'sticky',
    top: 0,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    wordBreak: 'break-word',
  },
  id: { whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  due: { whiteSpace: 'nowrap' },
  section: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  wideOnly: { display: 'none', [WIDE]: { display: 'table-cell' } },
  narrowOnly: { display: 'block', [WIDE]: { display: 'none' } },
  sub: { display: 'block', color: tokens.colorNeutralForeground3 },
  title: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    [WIDE]: { WebkitLineClamp: 'unset', display: 'block' },
  },
  highlight: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `2px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    outlineOffset: '-2px',
  },
  missing: { color: tokens.colorPaletteRedForeground1, fontStyle: 'italic' },
  units: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  unit: { marginBottom: tokens.spacingVerticalXXS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
});

function dueText(task: PlanTask, t: Strings): string {
  if (task.time.due) return formatDate(task.time.due);
  if (task.time.kind) return t.kinds[task.time.kind];
  return task.time.text;
}

function DocumentCard({ plan }: { plan: Plan }) {
  const t = useStrings();
  const styles = useStyles();
  const d = plan.document;
  const unknown = <span className={styles.missing}>{t.preview.unknown}</span>;
  return (
    <Section title={t.preview.documentTitle} icon={<DocumentTextRegular />} testId="document">
      <dl className={styles.dl}>
        <dt className={styles.dt}>{t.preview.number}</dt>
        <dd className={styles.dd} data-testid="doc-number">
          {d.number ? `${d.type ? `${d.type} ` : ''}${d.number}` : unknown}
        </dd>
        <dt className={styles.dt}>{t.preview.date}</dt>
        <dd className={styles.dd} data-testid="doc-date">
          {d.date ? formatDate(d.date) : unknown}
        </dd>
        {d.place ? (
          <>
            <dt className={styles.dt}>{t.preview.place}</dt>
            <dd className={styles.dd}>{d.place}</dd>
          </>
        ) : null}
        <dt className={styles.dt}>{t.preview.title}</dt>
        <dd className={styles.dd} data-testid="doc-title">
          {d.title ?? unknown}
        </dd>
      </dl>
      <Body1 className={styles.counts} data-testid="plan-counts">
        {t.preview.counts(plan.tasks.length, plan.sections.length, plan.units.length)}
      </Body1>
    </Section>
  );
}

function TableColumns({ index, table }: { index: number; table: PlanTable }) {
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const roleOf = new Map(
    Object.entries(table.columns).map(([role, col]) => [col, role as ColumnRole]),
  );
  const rows =
    table.firstRow === table.lastRow ? `${table.firstRow}` : `${table.firstRow}–${table.lastRow}`;
  return (
    <div data-testid={`columns-${index}`}>
      <Caption1 as="p" className={styles.tableCaption}>
        {t.preview.tableCaption(index + 1, t.preview.tableKinds[table.kind], rows)}
        {table.title ? ` · ${table.title}` : ''}
      </Caption1>
      <div className={styles.columns}>
        {table.headers.map((header, col) => (
          <Field
            key={col}
            label={t.preview.columnLabel(col + 1, header || t.preview.noHeader)}
            size="small"
          >
            <Select
              size="small"
              value={roleOf.get(col) ?? 'none'}
              data-testid={`role-${index}-${col}`}
              onChange={(_e, data) =>
                store.setColumnRole(
                  index,
                  col,
                  data.value === 'none' ? null : (data.value as ColumnRole),
                )
              }
            >
              <option value="none">{t.roles.none}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.roles[role]}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </div>
  );
}

function ColumnsCard({ plan }: { plan: Plan }) {
  const state = usePaneState();
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const indexed = plan.tables.map((table, index) => ({ table, index }));
  const taskTables = indexed.filter(({ table }) => table.kind === 'tasks');
  const others = indexed.filter(({ table }) => table.kind !== 'tasks');
  // With no task table at all, every table is shown open: one of them may be it.
  const shown = taskTables.length > 0 ? taskTables : others;
  const folded = taskTables.length > 0 ? others : [];
  if (plan.tables.length === 0) return null;
  return (
    <Section title={t.preview.columnsTitle} icon={<TableSimpleRegular />} testId="columns">
      <Caption1 as="p" className={common.hint}>
        {t.preview.columnsHint}
      </Caption1>
      {shown.map(({ table, index }) => (
        <TableColumns key={index} index={index} table={table} />
      ))}
      {folded.length > 0 ? (
        <details>
          <summary className={styles.summary}>{t.preview.otherTables(folded.length)}</summary>
          {folded.map(({ table, index }) => (
            <TableColumns key={index} index={index} table={table} />
          ))}
        </details>
      ) : null}
      {Object.keys(state.columnRoles).length > 0 ? (
        <div>
          <Button size="small" icon={<ArrowResetRegular />} onClick={store.resetColumnRoles}>
            {t.preview.resetColumns}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}

function TasksTable({ plan }: { plan: Plan }) {
  const state = usePaneState();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const highlighted = useRef<HTMLTableRowElement>(null);
  const highlight = state.highlight;

  useEffect(() => {
    const row = highlighted.current;
    if (!row || !highlight) return;
    row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    row.focus({ preventScroll: true });
  }, [highlight]);

  if (plan.tasks.length === 0) {
    return (
      <Section title={t.preview.tasksTitle} icon={<TaskListLtrRegular />}>
        <Body1>{t.preview.noTasks}</Body1>
      </Section>
    );
  }

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
  const cell = styles.td;
  const wide = mergeClasses(styles.td, styles.wideOnly);
  const head = styles.th;
  const headWide = mergeClasses(styles.th, styles.wideOnly);

  return (
    <Section title={t.preview.tasksTitle} icon={<TaskListLtrRegular />} testId="tasks">
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="tasks-table">
          <caption className={common.visuallyHidden}>
            {t.preview.tasksCaption(plan.tasks.length)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={head}>
                {t.preview.colId}
              </th>
              <th scope="col" className={head}>
                {t.preview.colTask}
              </th>
              <th scope="col" className={headWide}>
                {t.preview.colLead}
              </th>
              <th scope="col" className={headWide}>
                {t.preview.colSupport}
              </th>
              <th scope="col" className={headWide}>
                {t.preview.colDue}
              </th>
              <th scope="col" className={headWide}>
                {t.preview.colProduct}
              </th>
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
                const isHighlighted = highlight?.taskId === task.id;
                const lead = task.lead.join('; ');
                return (
                  <tr
                    key={task.id}
                    data-testid="task-row"
                    data-task-id={task.id}
                    ref={isHighlighted ? highlighted : undefined}
                    tabIndex={isHighlighted ? -1 : undefined}
                    aria-current={isHighlighted ? 'true' : undefined}
                    className={isHighlighted ? styles.highlight : undefined}
                  >
                    <td className={mergeClasses(cell, styles.id)}>{task.id}</td>
                    <td className={cell}>
                      <span className={styles.title} title={task.title}>
                        {task.title || <span className={styles.missing}>—</span>}
                      </span>
                      <span className={mergeClasses(styles.sub, styles.narrowOnly)}>
                        {t.preview.leadShort}:{' '}
                        {lead || <span className={styles.missing}>{t.preview.unknown}</span>}
                      </span>
                      <span className={mergeClasses(styles.sub, styles.narrowOnly)}>
                        {t.preview.dueShort}: {dueText(task, t) || '—'}
                      </span>
                    </td>
                    <td className={wide} data-testid="task-lead">
                      {lead || <span className={styles.missing}>—</span>}
                    </td>
                    <td className={wide}>{task.support.join('; ')}</td>
                    <td className={mergeClasses(wide, styles.due)} title={task.time.text}>
                      {dueText(task, t) || <span className={styles.missing}>—</span>}
                      {task.time.text && task.time.due ? (
                        <span className={styles.sub}>{task.time.text}</span>
                      ) : null}
                    </td>
                    <td className={wide}>{task.product}</td>
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

function UnitsCard({ plan }: { plan: Plan }) {
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  if (plan.units.length === 0) return null;
  return (
    <Section
      title={t.preview.unitsTitle(plan.units.length)}
      icon={<PeopleTeamRegular />}
      testId="units"
    >
      <details>
        <summary className={styles.summary}>{t.preview.unitsTitle(plan.units.length)}</summary>
        <ul className={styles.units}>
          {plan.units.map((u) => (
            <li key={u.name} className={styles.unit}>
              {u.name}{' '}
              {u.group ? (
                <Badge appearance="outline" size="small">
                  {t.preview.groupUnit}
                </Badge>
              ) : null}{' '}
              <Caption1 className={common.hint}>
                (
                {[
                  u.leadCount ? t.preview.unitLead(u.leadCount) : '',
                  u.supportCount ? t.preview.unitSupport(u.supportCount) : '',
                ]
                  .filter(Boolean)
                  .join(', ')}
                )
              </Caption1>
            </li>
          ))}
        </ul>
      </details>
    </Section>
  );
}

/** Step 2: what was read. */
export function PreviewStep() {
  const state = usePaneState();
  const t = useStrings();
  const common = useCommonStyles();
  const plan = state.plan;
  if (!plan) {
    return <NothingYet message={t.preview.empty} />;
  }
  return (
    <div className={common.stack}>
      <DocumentCard plan={plan} />
      <ColumnsCard plan={plan} />
      <TasksTable plan={plan} />
      <UnitsCard plan={plan} />
    </div>
  );
}
