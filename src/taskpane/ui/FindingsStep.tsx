import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowUndoRegular,
  CursorClickRegular,
  EditRegular,
  ErrorCircleRegular,
  EyeRegular,
  InfoRegular,
  WarningRegular,
  WrenchRegular,
} from '@fluentui/react-icons';
import { findingMessage } from '../../core/findings/messages';
import type { Finding, Severity } from '../../core/plan/types';
import { formatRows } from '../i18n';
import { editableFields, findingKey } from '../model/fixes';
import { editableFieldOf } from '../model/store';
import { NothingYet, Section, useCommonStyles } from './common';
import { usePaneState, useStore, useStrings } from './context';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  where: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  message: { wordBreak: 'break-word' },
  suggestion: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconWarning: { color: tokens.colorPaletteMarigoldForeground1 },
  iconInfo: { color: tokens.colorPaletteBlueForeground2 },
  summary: { fontWeight: tokens.fontWeightSemibold },
  applied: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  appliedItem: { marginBottom: tokens.spacingVerticalXS },
});

function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  if (severity === 'error') return <ErrorCircleRegular className={styles.iconError} />;
  if (severity === 'warning') return <WarningRegular className={styles.iconWarning} />;
  return <InfoRegular className={styles.iconInfo} />;
}

function FindingItem({ finding }: { finding: Finding }) {
  const store = useStore();
  const state = usePaneState();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const key = findingKey(finding);
  const fix = state.fixable[key];
  const inExcel = state.excel && state.source?.origin !== undefined;
  const where = [
    finding.task ? t.findings.task(finding.task) : t.findings.wholePlan,
    finding.field ? t.findings.fields[finding.field] : null,
    finding.rows.length > 0 ? t.findings.rows(formatRows(finding.rows)) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const { message, suggestion } = findingMessage(finding, state.settings.language);
  // A cell the preview lets a person type: the lead a finding says is missing, a time…
  const plan = state.plan;
  const task = plan?.tasks.find((x) => x.id === finding.task);
  const field = editableFieldOf(finding);
  const editable = !!plan && !!task && !!field && editableFields(plan, task).includes(field);
  return (
    <li
      className={mergeClasses(styles.item, styles[finding.severity])}
      data-testid="finding"
      data-code={finding.code}
      data-task={finding.task ?? ''}
    >
      <Caption1 className={styles.where}>{where}</Caption1>
      <Body1 className={styles.message}>{message}</Body1>
      {suggestion ? (
        <Caption1 className={styles.suggestion}>
          <strong>{t.findings.suggestion}:</strong> {suggestion}
        </Caption1>
      ) : null}
      {finding.task || fix ? (
        <div className={common.actions}>
          {editable ? (
            <Button
              size="small"
              icon={<EditRegular />}
              onClick={() => store.editFinding(finding)}
              aria-label={`${t.findings.editInPreview}: ${where}`}
              data-testid="edit-finding"
            >
              {t.findings.editInPreview}
            </Button>
          ) : null}
          {finding.task ? (
            <Button
              size="small"
              icon={inExcel ? <CursorClickRegular /> : <EyeRegular />}
              onClick={() => void store.showFinding(finding)}
              aria-label={`${inExcel ? t.findings.showInExcel : t.findings.showInPreview}: ${where}`}
            >
              {inExcel ? t.findings.showInExcel : t.findings.showInPreview}
            </Button>
          ) : null}
          {fix ? (
            <Button
              size="small"
              appearance="primary"
              icon={<WrenchRegular />}
              onClick={() => store.applyFix(key)}
              aria-label={`${t.findings.apply}: ${where}`}
              data-testid="apply-fix"
            >
              {t.findings.apply}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function AppliedFixes() {
  const state = usePaneState();
  const store = useStore();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const en = state.settings.language === 'en';
  if (state.fixes.length === 0) return null;
  return (
    <Section
      title={t.findings.applied(state.fixes.length)}
      icon={<WrenchRegular />}
      testId="applied-fixes"
    >
      <Caption1 as="p" className={common.hint}>
        {t.findings.appliedHint}
      </Caption1>
      <ul className={styles.applied}>
        {state.fixes.map((fix) => (
          <li key={fix.key} className={styles.appliedItem}>
            {en ? fix.label.en : fix.label.vi}{' '}
            <Button
              size="small"
              appearance="subtle"
              icon={<ArrowUndoRegular />}
              onClick={() => store.undoFix(fix.key)}
            >
              {t.findings.undo}
            </Button>
          </li>
        ))}
      </ul>
      {state.fixes.length > 1 ? (
        <div>
          <Button size="small" icon={<ArrowUndoRegular />} onClick={store.undoAllFixes}>
            {t.findings.undoAll}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}

/** Step 3: what a careful clerk would flag, by severity. */
export function FindingsStep() {
  const state = usePaneState();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const plan = state.plan;
  if (!plan) {
    return <NothingYet message={t.findings.empty} />;
  }
  const bySeverity = (s: Severity): Finding[] => plan.findings.filter((f) => f.severity === s);
  const count = (s: Severity): number => bySeverity(s).length;
  return (
    <div className={common.stack}>
      {plan.findings.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t.findings.none}</MessageBarTitle>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Body1 className={styles.summary} data-testid="findings-summary">
          {t.findings.summary(count('error'), count('warning'), count('info'))}
        </Body1>
      )}
      <AppliedFixes />
      {SEVERITIES.filter((s) => count(s) > 0).map((severity) => (
        <Section
          key={severity}
          title={`${t.findings.severities[severity]} (${count(severity)})`}
          icon={<SeverityIcon severity={severity} />}
          testId={`findings-${severity}`}
        >
          <Caption1 as="p" className={common.hint}>
            {t.findings.severityHints[severity]}
          </Caption1>
          <ul className={styles.list}>
            {bySeverity(severity).map((f, i) => (
              <FindingItem key={`${findingKey(f)}-${i}`} finding={f} />
            ))}
          </ul>
        </Section>
      ))}
    </div>
  );
}
