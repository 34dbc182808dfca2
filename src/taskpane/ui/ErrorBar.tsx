import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { PaneError } from '../model/errors';
import { usePaneState, useStrings } from './context';

const useStyles = makeStyles({
  next: { display: 'block', marginTop: tokens.spacingVerticalXS },
  details: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  code: { whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: tokens.fontFamilyMonospace },
  bar: { alignItems: 'flex-start' },
});

/** A pane error in plain words: what happened, what to do next, and folded details. */
export function ErrorBar({ error, onDismiss }: { error: PaneError; onDismiss?: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  const language = usePaneState().settings.language;
  const text = t.errors[error.code];
  return (
    <MessageBar
      intent={error.intent}
      layout="multiline"
      className={styles.bar}
      data-testid="pane-error"
      data-code={error.code}
    >
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {error.message ? (
          <span className={styles.next}>
            {language === 'en' ? error.message.en : error.message.vi}
          </span>
        ) : null}
        {error.message && error.code.startsWith('selection-') ? null : (
          <span className={styles.next}>{text.next}</span>
        )}
        {error.detail ? (
          <details className={styles.details}>
            <summary>{t.technicalDetails}</summary>
            <code className={styles.code}>{error.detail}</code>
          </details>
        ) : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label={t.dismiss}
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      ) : null}
    </MessageBar>
  );
}
