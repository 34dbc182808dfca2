import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Strings } from '../i18n';
import type { ExcelQuestion, PlanFacts } from '../model/ports';
import { usePaneState, useStore, useStrings } from './context';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, wordBreak: 'break-word' },
  pairs: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  pair: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    wordBreak: 'break-word',
  },
  side: { color: tokens.colorNeutralForeground3, display: 'block' },
});

function facts(t: Strings, p: PlanFacts | null): string {
  if (!p) return t.question.untitled;
  const line = t.question.planFacts(p);
  return p.number || p.title ? line : `${t.question.untitled} · ${line}`;
}

/** "This is another plan — replace anyway?": what the workbook tracks and what was read. */
export function PlanQuestionBody({
  question,
  t,
}: {
  question: Extract<ExcelQuestion, { kind: 'plan' }>;
  t: Strings;
}) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Body1 as="p">{t.question.planIntro(Math.round(question.share * 100))}</Body1>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t.question.planBefore}</dt>
        <dd className={styles.detail} data-testid="question-before">
          {facts(t, question.before)}
        </dd>
        <dt className={styles.term}>{t.question.planAfter}</dt>
        <dd className={styles.detail} data-testid="question-after">
          {facts(t, question.after)}
        </dd>
      </dl>
      <Caption1 as="p">{t.question.planKeeps}</Caption1>
    </div>
  );
}

/** Old and new tasks the matcher is unsure of, each with a "the same task" box. */
export function PairsQuestionBody({
  question,
  t,
  same,
  onToggle,
}: {
  question: Extract<ExcelQuestion, { kind: 'pairs' }>;
  t: Strings;
  same: string[];
  onToggle: (key: string, checked: boolean) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Body1 as="p">{t.question.pairsIntro}</Body1>
      <ul className={styles.pairs}>
        {question.pairs.map((pair) => (
          <li key={pair.key} className={styles.pair} data-testid="question-pair">
            <Caption1 className={styles.side}>{t.question.pairOld(pair.from)}</Caption1>
            <Body1 as="p">{pair.before}</Body1>
            <Caption1 className={styles.side}>{t.question.pairNew(pair.to)}</Caption1>
            <Body1 as="p">{pair.after}</Body1>
            <Checkbox
              label={t.question.same}
              checked={same.includes(pair.key)}
              onChange={(_, data) => onToggle(pair.key, data.checked === true)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The question a rebuild inside Excel asks, as a modal dialog; nothing is written until it is answered. */
export function QuestionDialog() {
  const { question } = usePaneState();
  const store = useStore();
  const t = useStrings();
  const [same, setSame] = useState<string[]>([]);
  if (!question) return null;
  const toggle = (key: string, checked: boolean): void =>
    setSame((list) => (checked ? [...list, key] : list.filter((k) => k !== key)));
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) store.cancelQuestion();
      }}
    >
      <DialogSurface aria-describedby={undefined} data-testid="question">
        <DialogBody>
          <DialogTitle>
            {question.kind === 'plan' ? t.question.planTitle : t.question.pairsTitle}
          </DialogTitle>
          <DialogContent>
            {question.kind === 'plan' ? (
              <PlanQuestionBody question={question} t={t} />
            ) : (
              <PairsQuestionBody question={question} t={t} same={same} onToggle={toggle} />
            )}
          </DialogContent>
          <DialogActions>
            {question.kind === 'plan' ? (
              <>
                <Button appearance="secondary" onClick={() => void store.answerPlan(false)}>
                  {t.question.keep}
                </Button>
                <Button appearance="primary" onClick={() => void store.answerPlan(true)}>
                  {t.question.replace}
                </Button>
              </>
            ) : (
              <>
                <Button appearance="secondary" onClick={store.cancelQuestion}>
                  {t.question.cancel}
                </Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    const chosen = same;
                    setSame([]);
                    void store.answerPairs(chosen);
                  }}
                >
                  {t.question.go}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
