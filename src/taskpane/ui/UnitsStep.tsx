// "Đơn vị báo cáo": send each unit its form, merge the forms they send back (src/taskpane/model/
// units.ts). Outside Excel the tracker file is chosen here; inside Excel the open workbook is it.

import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  DocumentArrowUpRegular,
  MailInboxArrowDownRegular,
  SendRegular,
} from '@fluentui/react-icons';
import { useRef, useSyncExternalStore } from 'react';
import type { MergeSummary } from '../../layout/unitfile/merge';
import type { Language } from '../i18n';
import type { NamedBytes } from '../model/ports';
import type { UnitsState } from '../model/units';
import { Section, useCommonStyles } from './common';
import { usePaneState, useStore } from './context';
import { ErrorBar } from './ErrorBar';

const TEXT = {
  vi: {
    intro:
      'Gửi mỗi đơn vị một phiếu (.xlsx) gồm các nhiệm vụ chủ trì và phối hợp; đơn vị điền Trạng thái, Tiến độ, Ngày hoàn thành, Kết quả, Đề nghị gia hạn rồi gửi lại. PhuLuc nhập các phiếu vào sổ, liệt kê xung đột và ghi Lịch sử.',
    trackerTitle: 'Sổ theo dõi',
    chooseTracker: 'Chọn sổ theo dõi (.xlsx)',
    trackerHint: 'Sổ do PhuLuc tạo. Sổ có phiếu và báo cáo được tải về lại, cùng tên.',
    noTracker: 'Chưa chọn sổ theo dõi.',
    inExcel: 'Dùng sổ theo dõi đang mở trong Excel.',
    sendTitle: 'Gửi phiếu cho đơn vị',
    replyBy: 'Hạn trả lời',
    send: 'Tạo phiếu (.zip)',
    sent: (n: number, zip: string, by: string) =>
      `Đã tạo ${n} phiếu trong “${zip}” (hạn trả lời ${by}); Lịch sử của sổ đã ghi các phiếu gửi.`,
    rows: (n: number) => `${n} dòng`,
    mergeTitle: 'Nhập báo cáo đơn vị',
    chooseAnswers: 'Chọn các phiếu đơn vị gửi lại',
    answersHint: 'Có thể chọn nhiều tệp. Nhập lại cùng phiếu không thay đổi gì.',
    working: 'Đang xử lý…',
    written: (file: string | null) =>
      file ? `Đã cập nhật sổ và tải về “${file}”.` : 'Đã cập nhật sổ theo dõi.',
    nothing: 'Không có gì mới: sổ không đổi.',
    refused: 'Từ chối',
    again: 'đã nhập trước đó',
    fileLine: (applied: number, conflicts: number, requests: number) =>
      `${applied} giá trị cập nhật, ${conflicts} xung đột, ${requests} đề nghị gia hạn`,
    conflicts: 'Xung đột (chưa ghi, cần người quyết định)',
    trackerChanged: (sent: string, now: string) =>
      `sổ đã đổi từ “${sent}” thành “${now}” sau khi gửi phiếu`,
    unitsDisagree: 'các đơn vị trả lời khác nhau',
    taskGone: 'nhiệm vụ không còn trong sổ',
    requests: 'Đề nghị gia hạn (chờ duyệt: ghi Gia hạn đến và Căn cứ gia hạn để duyệt)',
    units: 'Đơn vị',
    answered: 'đã trả lời',
    notAnswered: 'chưa trả lời',
  },
  en: {
    intro:
      'Send each unit a form (.xlsx) with its tasks as lead and coordinator; the unit fills in State, Progress, Completed on, Result and any extension request and sends it back. PhuLuc merges the forms into the tracker, lists conflicts and keeps a History.',
    trackerTitle: 'Tracker',
    chooseTracker: 'Choose the tracker (.xlsx)',
    trackerHint:
      'A workbook made by PhuLuc. The tracker with the forms or answers is downloaded again, same name.',
    noTracker: 'No tracker chosen yet.',
    inExcel: 'The tracker open in Excel is used.',
    sendTitle: 'Send the units their forms',
    replyBy: 'Reply by',
    send: 'Make the forms (.zip)',
    sent: (n: number, zip: string, by: string) =>
      `Made ${n} forms in “${zip}” (reply by ${by}); the tracker's History records them.`,
    rows: (n: number) => `${n} rows`,
    mergeTitle: "Merge the units' reports",
    chooseAnswers: 'Choose the forms the units sent back',
    answersHint: 'Several files at once. Merging a form again changes nothing.',
    working: 'Working…',
    written: (file: string | null) =>
      file ? `The tracker was updated and downloaded as “${file}”.` : 'The tracker was updated.',
    nothing: 'Nothing new: the tracker is unchanged.',
    refused: 'Refused',
    again: 'merged before',
    fileLine: (applied: number, conflicts: number, requests: number) =>
      `${applied} values updated, ${conflicts} conflicts, ${requests} extension requests`,
    conflicts: 'Conflicts (not written; a person decides)',
    trackerChanged: (sent: string, now: string) =>
      `the tracker changed from “${sent}” to “${now}” after the form was sent`,
    unitsDisagree: 'units answer differently',
    taskGone: 'the task is no longer in the tracker',
    requests: 'Extension requests (pending: fill Extended to and Extension basis to approve)',
    units: 'Units',
    answered: 'answered',
    notAnswered: 'not answered yet',
  },
};

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  hiddenInput: { display: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS, wordBreak: 'break-word' },
  refused: { color: tokens.colorPaletteRedForeground1 },
});

const dmy = (iso: string | null): string => (iso ? iso.split('-').reverse().join('/') : '');

async function bytesOf(files: FileList | null): Promise<NamedBytes[]> {
  const out: NamedBytes[] = [];
  for (const file of Array.from(files ?? []))
    out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return out;
}

function Summary({
  summary,
  state,
  language,
}: {
  summary: MergeSummary;
  state: UnitsState;
  language: Language;
}) {
  const styles = useStyles();
  const t = TEXT[language];
  return (
    <div data-testid="units-summary">
      <MessageBar intent={summary.written ? 'success' : 'info'}>
        <MessageBarBody>{summary.written ? t.written(state.mergedFile) : t.nothing}</MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        {summary.files.map((f) => (
          <li key={f.file} className={styles.item} data-testid="units-file">
            {f.refused ? (
              <span className={styles.refused}>
                {f.file}: {t.refused} — {language === 'vi' ? f.refused.vi : f.refused.en}
              </span>
            ) : (
              `${f.file} — ${f.unit}${f.firstTime ? '' : ` (${t.again})`}: ${t.fileLine(f.applied, f.conflicts, f.requests)}`
            )}
          </li>
        ))}
      </ul>
      {summary.conflicts.length > 0 ? (
        <>
          <Body1 as="p">{t.conflicts}</Body1>
          <ul className={styles.list} data-testid="units-conflicts">
            {summary.conflicts.map((c, i) => (
              <li key={i} className={styles.item}>
                {c.code}:{' '}
                {c.kind === 'tracker-changed'
                  ? t.trackerChanged(c.sent, c.tracker)
                  : c.kind === 'units-disagree'
                    ? t.unitsDisagree
                    : t.taskGone}
                {' — '}
                {c.answers.map((a) => `${a.unit}: “${a.value}”`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.requests.length > 0 ? (
        <>
          <Body1 as="p">{t.requests}</Body1>
          <ul className={styles.list} data-testid="units-requests">
            {summary.requests.map((r, i) => (
              <li key={i} className={styles.item}>
                {r.code} · {r.unit}: {dmy(r.to)}
                {r.reason ? ` — ${r.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.units.length > 0 ? (
        <>
          <Body1 as="p">{t.units}</Body1>
          <ul className={styles.list} data-testid="units-answered">
            {summary.units.map((u) => (
              <li key={u.unit} className={styles.item}>
                {u.unit}: {u.answered ? t.answered : `${t.notAnswered} (${dmy(u.replyBy)})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function UnitsStep() {
  const store = useStore();
  const pane = usePaneState();
  const units = store.units;
  const state = useSyncExternalStore(units.subscribe, units.getState);
  const language = pane.settings.language;
  const t = TEXT[language];
  const styles = useStyles();
  const common = useCommonStyles();
  const trackerInput = useRef<HTMLInputElement>(null);
  const answersInput = useRef<HTMLInputElement>(null);
  const inExcel = pane.excel;
  const ready = inExcel || state.tracker !== null;
  const busy = state.busy !== null;
  return (
    <div className={common.stack} data-testid="units-step">
      <Body1 as="p">{t.intro}</Body1>
      <Section title={t.trackerTitle} icon={<DocumentArrowUpRegular />}>
        {inExcel ? (
          <Body1 as="p">{t.inExcel}</Body1>
        ) : (
          <div className={common.stack}>
            <div className={styles.row}>
              <Button
                icon={<DocumentArrowUpRegular />}
                onClick={() => trackerInput.current?.click()}
                disabled={busy}
              >
                {t.chooseTracker}
              </Button>
              <Caption1 data-testid="units-tracker">
                {state.tracker ? state.tracker.name : t.noTracker}
              </Caption1>
            </div>
            <Caption1 as="p" className={common.hint}>
              {t.trackerHint}
            </Caption1>
            <input
              ref={trackerInput}
              type="file"
              accept=".xlsx"
              aria-label={t.chooseTracker}
              className={styles.hiddenInput}
              data-testid="units-tracker-input"
              onChange={(e) => {
                const files = e.target.files;
                void bytesOf(files).then((list) => {
                  e.target.value = '';
                  if (list[0]) units.chooseTracker(list[0]);
                });
              }}
            />
          </div>
        )}
      </Section>

      <Section title={t.sendTitle} icon={<SendRegular />}>
        <div className={styles.row}>
          <Field label={t.replyBy}>
            <Input
              type="date"
              value={state.replyBy}
              onChange={(_e, data) => units.setReplyBy(data.value)}
              data-testid="units-reply-by"
            />
          </Field>
          <Button
            appearance="primary"
            icon={<ArrowDownloadRegular />}
            disabled={!ready || busy}
            onClick={() => void units.send()}
            data-testid="units-send"
          >
            {t.send}
          </Button>
          {state.busy === 'send' ? <Spinner size="tiny" label={t.working} /> : null}
        </div>
        {state.sent ? (
          <div data-testid="units-sent">
            <MessageBar intent="success">
              <MessageBarBody>
                {t.sent(state.sent.files.length, state.sent.zipName, dmy(state.sent.replyBy))}
              </MessageBarBody>
            </MessageBar>
            <ul className={styles.list}>
              {state.sent.files.map((f) => (
                <li key={f.fileName} className={styles.item}>
                  {f.unit} — {t.rows(f.rows)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>

      <Section title={t.mergeTitle} icon={<MailInboxArrowDownRegular />}>
        <div className={styles.row}>
          <Button
            appearance="primary"
            icon={<MailInboxArrowDownRegular />}
            disabled={!ready || busy}
            onClick={() => answersInput.current?.click()}
            data-testid="units-merge"
          >
            {t.chooseAnswers}
          </Button>
          {state.busy === 'merge' ? <Spinner size="tiny" label={t.working} /> : null}
        </div>
        <Caption1 as="p" className={common.hint}>
          {t.answersHint}
        </Caption1>
        <input
          ref={answersInput}
          type="file"
          accept=".xlsx"
          multiple
          aria-label={t.chooseAnswers}
          className={styles.hiddenInput}
          data-testid="units-answers-input"
          onChange={(e) => {
            const files = e.target.files;
            void bytesOf(files).then((list) => {
              e.target.value = '';
              void units.merge(list);
            });
          }}
        />
        {state.merged ? <Summary summary={state.merged} state={state} language={language} /> : null}
      </Section>
      {state.error ? <ErrorBar error={state.error} /> : null}
    </div>
  );
}
