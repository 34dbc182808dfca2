import {
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowResetRegular, DocumentTextRegular, TableSimpleRegular } from '@fluentui/react-icons';
import { COLUMN_ROLES, type ColumnRole, type Plan, type PlanTable } from '../../core/plan/types';
import { viDate } from '../../core/time/calendar';
import { NothingYet, Section, useCommonStyles } from './common';
import { usePaneState, useStore, useStrings } from './context';
import { TasksTable } from './TasksTable';
import { UnitsCard } from './UnitsCard';

const ROLES: readonly ColumnRole[] = COLUMN_ROLES;

/** Label and value side by side from this width. */
const WIDE_FORM = '@media (min-width: 640px)';

const useStyles = makeStyles({
  dl: {
    display: 'grid',
    gridTemplateColumns: '1fr',
    margin: 0,
    [WIDE_FORM]: {
      gridTemplateColumns: 'max-content 1fr',
      columnGap: tokens.spacingHorizontalM,
      rowGap: tokens.spacingVerticalXS,
    },
  },
  dt: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
    [WIDE_FORM]: { fontSize: tokens.fontSizeBase300, marginTop: 0 },
  },
  dd: { margin: 0, overflowWrap: 'break-word' },
  counts: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorBrandForeground1,
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: '1fr',
    gap: tokens.spacingVerticalS,
    [WIDE_FORM]: { gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))' },
  },
  tableCaption: { color: tokens.colorNeutralForeground2, margin: 0 },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  missing: { color: tokens.colorPaletteRedForeground1, fontStyle: 'italic' },
});

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
          {d.date ? viDate(d.date) : unknown}
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
      <UnitsCard plan={plan} />
      <TasksTable plan={plan} />
    </div>
  );
}
