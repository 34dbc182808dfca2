import {
  Body1,
  Button,
  Caption1,
  Field,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  ClipboardPasteRegular,
  DocumentArrowUpRegular,
  SparkleRegular,
  TableCursorRegular,
  TableSimpleRegular,
} from '@fluentui/react-icons';
import { type ClipboardEvent, type DragEvent, useId, useRef, useState } from 'react';
import { useStore, usePaneState, useStrings } from './context';
import { Section, useCommonStyles } from './common';

const useStyles = makeStyles({
  textarea: { width: '100%' },
  textareaInner: { minHeight: '140px', fontFamily: tokens.fontFamilyBase },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  drop: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hiddenInput: { display: 'none' },
  sample: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
  },
});

/** Step 1: where the appendix comes from. */
export function SourceStep() {
  const store = useStore();
  const state = usePaneState();
  const t = useStrings();
  const styles = useStyles();
  const common = useCommonStyles();
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  // Word and Excel put HTML beside the text: kept while the box holds exactly what was pasted.
  const pasted = useRef<{ text: string; html: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const busy = state.busy?.task === 'read';
  const inExcel = state.excel;
  const noSource = state.source === null;

  const readPasted = (value: string): void => {
    const html = pasted.current && pasted.current.text === value ? pasted.current.html : null;
    void store.loadPaste(value, html);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const html = event.clipboardData.getData('text/html');
    const plain = event.clipboardData.getData('text/plain');
    const wasEmpty = text.trim() === '';
    pasted.current = html ? { text: plain, html } : null;
    if (wasEmpty && (plain.trim() || html)) {
      // The whole box is what was pasted: read it at once.
      event.preventDefault();
      setText(plain);
      void store.loadPaste(plain, html || null);
    }
  };

  const openFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    await store.loadFile(file.name, bytes);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    void openFile(event.dataTransfer.files[0]);
  };

  const sample = (
    <Section
      key="sample"
      title={t.source.sampleTitle}
      icon={<SparkleRegular />}
      className={styles.sample}
    >
      <Caption1 as="p" className={common.hint}>
        {t.source.sampleHint}
      </Caption1>
      <div>
        <Button
          appearance={noSource ? 'primary' : 'secondary'}
          icon={<SparkleRegular />}
          onClick={() => void store.loadSample()}
          disabled={busy}
        >
          {t.source.sampleButton}
        </Button>
      </div>
    </Section>
  );

  return (
    <div className={common.stack}>
      <Body1 as="p">{t.source.intro}</Body1>
      {busy ? (
        <Spinner
          size="small"
          labelPosition="after"
          label={
            state.busy?.what
              ? t.source.readingFile(state.busy.what)
              : inExcel
                ? t.source.readingExcel
                : t.busy
          }
        />
      ) : null}
      {state.source ? (
        <div className={common.currentSource} data-testid="current-source">
          <Subtitle2 as="h3" className={common.inlineHeading}>
            {t.source.current}:
          </Subtitle2>{' '}
          <span>
            {t.source.kinds[state.source.kind]}
            {state.source.label ? ` — ${state.source.label}` : ''}
            {state.source.kind === 'sample' ? ` — ${t.source.sampleLabel}` : ''}
          </span>
        </div>
      ) : null}

      {noSource && !inExcel ? sample : null}

      {inExcel ? (
        <Section title={t.source.excelTitle} icon={<TableSimpleRegular />}>
          <Caption1 as="p" className={common.hint}>
            {t.source.excelHint}
          </Caption1>
          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<TableCursorRegular />}
              onClick={() => void store.loadExcel()}
              disabled={busy}
              data-testid="read-excel"
            >
              {t.source.useSelection}
            </Button>
          </div>
        </Section>
      ) : null}

      <Section title={t.source.pasteTitle} icon={<ClipboardPasteRegular />}>
        <Field label={t.source.pasteLabel} hint={t.source.pasteHint}>
          <Textarea
            id={pasteId}
            className={styles.textarea}
            textarea={{ className: styles.textareaInner, spellCheck: false }}
            resize="vertical"
            value={text}
            placeholder={t.source.pastePlaceholder}
            onChange={(_e, data) => setText(data.value)}
            onPaste={onPaste}
            data-testid="paste-box"
          />
        </Field>
        <div className={styles.row}>
          <Button
            appearance={noSource ? 'secondary' : 'primary'}
            onClick={() => readPasted(text)}
            disabled={busy}
          >
            {t.source.readPasted}
          </Button>
          {text ? (
            <Button
              appearance="subtle"
              onClick={() => {
                setText('');
                pasted.current = null;
              }}
            >
              {t.source.clear}
            </Button>
          ) : null}
        </div>
      </Section>

      <Section title={t.source.fileTitle} icon={<DocumentArrowUpRegular />}>
        <div
          className={mergeClasses(styles.drop, dragging && styles.dropActive)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <div className={styles.row}>
            <Button
              icon={<DocumentArrowUpRegular />}
              onClick={() => fileInput.current?.click()}
              disabled={busy}
            >
              {t.source.openFile}
            </Button>
            <Caption1>{t.source.dropHint}</Caption1>
          </div>
          <Caption1 as="p" className={common.hint}>
            {t.source.fileHint}
          </Caption1>
          <input
            ref={fileInput}
            type="file"
            accept=".docx,.pdf,.xlsx,.txt,.tsv,.htm,.html"
            aria-label={t.source.openFile}
            className={styles.hiddenInput}
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              void openFile(file);
            }}
          />
        </div>
      </Section>

      {noSource && !inExcel ? null : sample}
    </div>
  );
}
