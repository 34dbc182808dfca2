import {
  Body1,
  Button,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { type ReactNode, useId } from 'react';
import { useStore, useStrings } from './context';

export const useCommonStyles = makeStyles({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '& p': { marginTop: 0, marginBottom: 0 },
  },
  tight: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3, margin: 0 },
  inlineHeading: { display: 'inline', fontSize: 'inherit' },
  currentSource: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    wordBreak: 'break-word',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  nextRow: {
    display: 'flex',
    justifyContent: 'flex-end',
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const useSectionStyles = makeStyles({
  root: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    '& p': { marginTop: 0, marginBottom: 0 },
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  icon: { fontSize: '20px', color: tokens.colorBrandForeground1, display: 'inline-flex' },
});

/** A titled block of a step, a region named by its heading. */
export function Section({
  title,
  icon,
  children,
  className,
  testId,
}: {
  title: ReactNode;
  icon?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const styles = useSectionStyles();
  const id = useId();
  return (
    <section
      className={mergeClasses(styles.root, className)}
      aria-labelledby={id}
      data-testid={testId}
    >
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {icon ? (
          <span className={styles.icon} aria-hidden="true">
            {icon}
          </span>
        ) : null}
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** A step that has nothing to show yet: say why and offer the way back to the source step. */
export function NothingYet({ message }: { message: string }) {
  const store = useStore();
  const t = useStrings();
  const common = useCommonStyles();
  return (
    <div className={common.stack}>
      <Body1 as="p">{message}</Body1>
      <div>
        <Button appearance="primary" onClick={() => store.setStep('source')}>
          {t.preview.goToSource}
        </Button>
      </div>
    </div>
  );
}
