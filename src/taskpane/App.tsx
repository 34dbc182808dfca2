import {
  Badge,
  Button,
  Caption1,
  CounterBadge,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import {
  ArrowRightRegular,
  DismissRegular,
  LocalLanguageRegular,
  SettingsRegular,
} from '@fluentui/react-icons';
import { useEffect, useId, useRef } from 'react';
import type { StepId, Strings } from './i18n';
import type { Notice as NoticeData, PaneState, PaneStore } from './model/store';
import { BuildStep } from './ui/BuildStep';
import { ErrorBar } from './ui/ErrorBar';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { FindingsStep } from './ui/FindingsStep';
import { PreviewStep } from './ui/PreviewStep';
import { SettingsStep } from './ui/SettingsStep';
import { SourceStep } from './ui/SourceStep';
import { UnitsStep } from './ui/UnitsStep';
import { useCommonStyles } from './ui/common';
import { StoreContext, usePaneState, useStore, useStrings } from './ui/context';

const STEPS: StepId[] = ['source', 'preview', 'findings', 'build', 'units', 'settings'];
const NEXT: Partial<Record<StepId, StepId>> = {
  source: 'preview',
  preview: 'findings',
  findings: 'build',
};

const NARROW = '@media (max-width: 420px)';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  root: {
    boxSizing: 'border-box',
    maxWidth: '1120px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    [NARROW]: {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXL}`,
    },
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexGrow: 1,
    minWidth: 0,
  },
  brandText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0, lineHeight: tokens.lineHeightBase400 },
  tagline: { color: tokens.colorNeutralForeground3 },
  language: { flexShrink: 0, minWidth: 'auto' },
  tabs: {
    flexWrap: 'wrap',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    boxShadow: tokens.shadow2,
  },
  tab: {
    [NARROW]: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  },
  stepNumber: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '18px',
    height: '18px',
    borderRadius: '50%',
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground5,
    marginRight: tokens.spacingHorizontalXS,
  },
  stepNumberActive: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  tabBadge: { marginLeft: tokens.spacingHorizontalXS },
  settingsLabel: {
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
    },
  },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    boxShadow: tokens.shadow2,
    outline: 'none',
    minWidth: 0,
    [NARROW]: { padding: tokens.spacingHorizontalM },
  },
  panelHeading: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
    // Focused when a source was read (the button pressed is gone): a ring for keyboard users.
    ':focus': { outline: 'none' },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  hostBadge: { maxWidth: '100%' },
});

function HostBadge({ state, t }: { state: PaneState; t: Strings }) {
  const styles = useStyles();
  const host = state.host;
  if (host === null) return <Caption1 className={styles.tagline}>{t.hostConnecting}</Caption1>;
  if (host.kind === 'office' && host.isExcel) {
    return (
      <Badge appearance="tint" color="success" className={styles.hostBadge} data-testid="host">
        {t.hostExcel}
      </Badge>
    );
  }
  return (
    <Badge appearance="tint" color="informative" className={styles.hostBadge} data-testid="host">
      {host.kind === 'office' ? t.hostOtherOffice(host.host) : t.hostStandalone}
    </Badge>
  );
}

function StepPanel({ step }: { step: StepId }) {
  switch (step) {
    case 'source':
      return <SourceStep />;
    case 'preview':
      return <PreviewStep />;
    case 'findings':
      return <FindingsStep />;
    case 'build':
      return <BuildStep />;
    case 'units':
      return <UnitsStep />;
    case 'settings':
      return <SettingsStep />;
  }
}

/** A notice in words. */
export function noticeText(notice: NoticeData, t: Strings): string {
  switch (notice.kind) {
    case 'selected':
      return t.findings.selected(notice.address);
    case 'read':
      return t.source.readSummary(notice.tasks, notice.sections);
    case 'units-saved':
      return t.source.unitsSaved(notice.units);
    case 'units-opened':
      return t.source.unitsOpened(notice.units, notice.file);
  }
}

/**
 * What a screen reader hears when a source is read, a notice appears or an error comes: a live
 * region that is always on the page (one added with its text would not be announced).
 */
function LiveRegion() {
  const state = usePaneState();
  const t = useStrings();
  const common = useCommonStyles();
  const text = state.notice
    ? noticeText(state.notice, t)
    : state.error
      ? t.errors[state.error.code].title
      : '';
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={common.visuallyHidden}
      data-testid="live"
    >
      {text}
    </div>
  );
}

function Notice() {
  const state = usePaneState();
  const store = useStore();
  const t = useStrings();
  const notice = state.notice;
  if (!notice) return null;
  const text = noticeText(notice, t);
  return (
    <MessageBar intent="success" data-testid="notice">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={t.dismiss}
            icon={<DismissRegular />}
            onClick={store.dismissNotice}
          />
        }
      />
    </MessageBar>
  );
}

function Pane() {
  const store = useStore();
  const state = usePaneState();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const panelId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const language = state.settings.language;
  const step = state.step;
  const plan = state.plan;
  const serious = plan ? plan.findings.filter((f) => f.severity !== 'info').length : 0;
  const hasErrors = plan ? plan.findings.some((f) => f.severity === 'error') : false;
  const next = NEXT[step];
  const canGoOn = next !== undefined && plan !== null && plan.tasks.length > 0;

  // A source was just read: the button pressed is gone with its step, so the new step's heading
  // takes the focus (not the page's body); the live region says what was read.
  useEffect(() => {
    if (state.focusSeq > 0) heading.current?.focus();
  }, [state.focusSeq]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = language === 'vi' ? 'PhuLuc — Sổ theo dõi nhiệm vụ' : 'PhuLuc — Task tracking';
  }, [language]);

  const tabId = (s: StepId): string => `${panelId}-tab-${s}`;

  return (
    <div className={styles.root} lang={language}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <img src="./assets/icon-32.png" width={32} height={32} alt="" />
          <div className={styles.brandText}>
            <Title3 as="h1" className={styles.title}>
              {t.appName}
            </Title3>
            <Caption1 className={styles.tagline}>{t.tagline}</Caption1>
          </div>
        </div>
        <Button
          appearance="subtle"
          icon={<LocalLanguageRegular />}
          onClick={() => store.setLanguage(language === 'vi' ? 'en' : 'vi')}
          aria-label={t.switchLanguageLabel}
          className={styles.language}
          data-testid="language"
        >
          <span lang={language === 'vi' ? 'en' : 'vi'}>{t.switchLanguage}</span>
        </Button>
      </header>
      <div>
        <HostBadge state={state} t={t} />
      </div>
      <LiveRegion />

      <TabList
        className={styles.tabs}
        selectedValue={step}
        onTabSelect={(_e, data) => store.setStep(data.value as StepId)}
        aria-label={t.stepsLabel}
        size="medium"
      >
        {STEPS.map((s, i) => (
          <Tab
            key={s}
            value={s}
            id={tabId(s)}
            aria-controls={panelId}
            className={styles.tab}
            icon={s === 'settings' ? <SettingsRegular /> : undefined}
            data-testid={`tab-${s}`}
          >
            {s === 'settings' ? (
              <span className={styles.settingsLabel}>{t.steps[s]}</span>
            ) : (
              <>
                <span
                  className={mergeClasses(styles.stepNumber, step === s && styles.stepNumberActive)}
                  aria-hidden="true"
                >
                  {i + 1}
                </span>
                {t.steps[s]}
                {s === 'findings' && serious > 0 ? (
                  <CounterBadge
                    className={styles.tabBadge}
                    count={serious}
                    size="small"
                    color={hasErrors ? 'danger' : 'important'}
                    appearance="filled"
                    aria-label={`${serious}`}
                  />
                ) : null}
              </>
            )}
          </Tab>
        ))}
      </TabList>

      <div
        id={panelId}
        ref={panel}
        role="tabpanel"
        aria-labelledby={tabId(step)}
        className={styles.panel}
        tabIndex={-1}
        data-testid={`panel-${step}`}
      >
        <h2 className={styles.panelHeading} ref={heading} tabIndex={-1} data-testid="panel-heading">
          {step === 'settings' ? t.steps[step] : `${STEPS.indexOf(step) + 1}. ${t.steps[step]}`}
        </h2>
        <div className={common.stack}>
          {state.error ? <ErrorBar error={state.error} onDismiss={store.dismissError} /> : null}
          <Notice />
          <StepPanel step={step} />
          {canGoOn ? (
            <div className={common.nextRow}>
              <Button
                appearance="primary"
                icon={<ArrowRightRegular />}
                iconPosition="after"
                onClick={() => {
                  store.setStep(next);
                  panel.current?.focus();
                  window.scrollTo({ top: 0 });
                }}
                data-testid="next"
              >
                {t.next(t.steps[next])}
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** The task pane: the same page inside Excel and standalone. */
export function App({ store }: { store: PaneStore }) {
  const styles = useStyles();
  const language = store.getState().settings.language;
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <ErrorBoundary language={language}>
        <StoreContext.Provider value={store}>
          <Pane />
        </StoreContext.Provider>
      </ErrorBoundary>
    </FluentProvider>
  );
}
