import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  DocumentTableRegular,
  TableSimpleRegular,
} from '@fluentui/react-icons';
import type { SheetKind } from '../../layout/types';
import { viDate } from '../../core/time/calendar';
import { formatSize, type Strings } from '../i18n';
import type { RebuildSummary } from '../model/ports';
import { NothingYet, Section, useCommonStyles } from './common';
import { usePaneState, useStore, useStrings } from './context';
import { QuestionDialog } from './QuestionDialog';

const useStyles = makeStyles({
  sheets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sheet: { marginBottom: tokens.spacingVerticalXXS, wordBreak: 'break-word' },
  kind: { color: tokens.colorNeutralForeground3 },
  big: { fontWeight: tokens.fontWeightSemibold },
});

/** What a rebuild did with the tasks the workbook tracked, in plain lines. */
export function RebuildLines({ rebuild, t }: { rebuild: RebuildSummary; t: Strings }) {
  const styles = useStyles();
  const r = t.build.rebuild;
  const groups: { key: string; head: string; items: string[] }[] = [
    { key: 'kept', head: r.kept(rebuild.kept), items: [] },
    {
      key: 'renumbered',
      head: r.renumbered(rebuild.renumbered.length),
      items: rebuild.renumbered.map((x) => `${x.from} → ${x.to}`),
    },
    {
      key: 'edited',
      head: r.edited(rebuild.edited.length),
      items: rebuild.edited.map(
        (x) => `${x.from === x.to ? x.to : `${x.from} → ${x.to}`}: ${x.after}`,
      ),
    },
    { key: 'added', head: r.added(rebuild.added.length), items: rebuild.added },
    {
      key: 'removed',
      head: r.removed(rebuild.removed.length),
      items: rebuild.removed.map((x) => `${x.code}: ${x.title}`),
    },
    {
      key: 'typed',
      head: r.typed(rebuild.typed.length),
      items: rebuild.typed.map((x) => `${x.to}: ${x.title}`),
    },
    {
      key: 'restored',
      head: r.restored(rebuild.restored.length),
      items: rebuild.restored.map((x) => `${x.code} → ${x.to}`),
    },
    {
      key: 'apart',
      head: r.apart(rebuild.apart.length),
      items: rebuild.apart.map((x) => `${x.from} ≠ ${x.to}`),
    },
  ];
  return (
    <ul className={styles.sheets} data-testid="rebuild-report">
      {groups
        .filter((g) => g.key === 'kept' || g.items.length > 0)
        .map((g) => (
          <li key={g.key} className={styles.sheet} data-kind={g.key}>
            {g.head}
            {g.items.length > 0 ? (
              <ul className={styles.sheets}>
                {g.items.slice(0, 12).map((item) => (
                  <li key={item}>{item}</li>
                ))}
                {g.items.length > 12 ? <li>…</li> : null}
              </ul>
            ) : null}
          </li>
        ))}
    </ul>
  );
}

const KIND_ORDER: SheetKind[] = [
  'dashboard',
  'tasks',
  'removed',
  'unit',
  'findings',
  'units',
  'assignments',
  'settings',
];

function isSheetKind(kind: string): kind is SheetKind {
  return (KIND_ORDER as string[]).includes(kind);
}

/** Step 4: write the workbook, show what was written. */
export function BuildStep() {
  const state = usePaneState();
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const plan = state.plan;
  const { settings } = state;
  const language = settings.language;

  if (!plan) {
    return <NothingYet message={t.build.empty} />;
  }
  if (plan.tasks.length === 0) {
    // As the command line: a plan without tasks makes no workbook, and the pane says why.
    return (
      <div className={common.stack} data-testid="build-no-tasks">
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.build.noTasks}</MessageBarTitle>
            {t.build.noTasksNext}
          </MessageBarBody>
        </MessageBar>
        <div>
          <Button appearance="primary" onClick={() => store.setStep('preview')}>
            {t.steps.preview}
          </Button>
        </div>
      </div>
    );
  }

  const inExcel = state.excel;
  const busy = state.busy?.task === 'build' ? state.busy : null;
  const errors = plan.findings.filter((f) => f.severity === 'error').length;
  const result = state.build;

  return (
    <div className={common.stack}>
      <QuestionDialog />
      <Section title={t.build.title} icon={<DocumentTableRegular />}>
        <Body1 as="p">{inExcel ? t.build.introExcel : t.build.intro}</Body1>
        <Body1 as="p" className={styles.big}>
          {t.preview.counts(plan.tasks.length, plan.sections.length, plan.units.length)}
        </Body1>
        <Caption1 as="p" className={common.hint}>
          {t.build.settingsLine(
            settings.reportDate ? viDate(settings.reportDate) : t.build.today,
            settings.dueSoonDays,
          )}{' '}
          <Button appearance="transparent" size="small" onClick={() => store.setStep('settings')}>
            {t.steps.settings}
          </Button>
        </Caption1>
        {errors > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t.build.errorsLeft(errors)}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={common.actions}>
          {inExcel ? (
            <Button
              appearance="primary"
              icon={<TableSimpleRegular />}
              onClick={() => void store.build('excel')}
              disabled={busy !== null}
              data-testid="build"
            >
              {result ? t.build.again : t.build.writeExcel}
            </Button>
          ) : null}
          <Button
            appearance={inExcel ? 'secondary' : 'primary'}
            icon={<ArrowDownloadRegular />}
            onClick={() => void store.build('download')}
            disabled={busy !== null}
            data-testid={inExcel ? 'build-download' : 'build'}
          >
            {t.build.download}
          </Button>
        </div>
        {busy ? (
          <Field
            label={t.build.phases[busy.phase ?? 'load']}
            validationState="none"
            data-testid="build-progress"
          >
            <ProgressBar
              value={busy.progress ?? 0}
              max={1}
              thickness="large"
              aria-label={t.build.progressLabel}
            />
          </Field>
        ) : null}
      </Section>

      {result ? (
        <MessageBar intent="success" layout="multiline" data-testid="build-result">
          <MessageBarBody>
            <MessageBarTitle>
              {result.target === 'excel'
                ? t.build.doneExcel
                : t.build.doneDownload(
                    result.fileName ?? '',
                    formatSize(result.size ?? 0, language),
                  )}
            </MessageBarTitle>
            <div>{t.build.counts(result.tasks, result.units, result.findings)}</div>
            {result.keptEntries ? <div>{t.build.kept(result.keptEntries)}</div> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {result?.rebuild ? (
        <Section title={t.build.rebuild.title} icon={<TableSimpleRegular />} testId="build-rebuild">
          <RebuildLines rebuild={result.rebuild} t={t} />
        </Section>
      ) : null}

      {result ? (
        <Section
          title={t.build.sheetsTitle(result.sheets.length)}
          icon={<TableSimpleRegular />}
          testId="build-sheets"
        >
          <ul className={styles.sheets}>
            {result.sheets.map((sheet) => (
              <li key={sheet.name} className={styles.sheet}>
                <strong>{sheet.name}</strong>
                {isSheetKind(sheet.kind) ? (
                  <span className={styles.kind}> — {t.build.sheetKinds[sheet.kind]}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <Caption1 as="p" className={common.hint}>
            {result.target === 'excel' ? t.build.openHintExcel : t.build.openHint}
          </Caption1>
          {result.notes && result.notes.length > 0 ? (
            <MessageBar intent="info" layout="multiline" data-testid="build-notes">
              <MessageBarBody>
                <MessageBarTitle>{t.build.notesTitle}</MessageBarTitle>
                <ul className={styles.sheets}>
                  {result.notes.map((note, i) => (
                    <li key={i}>{language === 'en' ? note.en : note.vi}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {result.target === 'download' ? (
            <div>
              <Button size="small" icon={<ArrowDownloadRegular />} onClick={store.downloadAgain}>
                {t.build.downloadAgain}
              </Button>
            </div>
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
