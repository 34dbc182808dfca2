// The question a rebuild asks, and the rebuild's summary, as the pane shows them (rendered to
// HTML, in both languages).

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { stringsFor } from '../../src/taskpane/i18n';
import type { ExcelQuestion, RebuildSummary } from '../../src/taskpane/model/ports';
import { RebuildLines } from '../../src/taskpane/ui/BuildStep';
import { PairsQuestionBody, PlanQuestionBody } from '../../src/taskpane/ui/QuestionDialog';

const html = (node: React.ReactElement): string =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const plan: Extract<ExcelQuestion, { kind: 'plan' }> = {
  kind: 'plan',
  before: { number: '15/KH-UBND', date: '2019-12-26', title: 'Kế hoạch CCHC năm 2019', tasks: 20 },
  after: { number: null, date: null, title: null, tasks: 3 },
  share: 0.08,
};

test('the plan question shows both plans and what a replacement keeps', () => {
  const vi = html(<PlanQuestionBody question={plan} t={stringsFor('vi')} />);
  expect(vi).toContain('chỉ 8% nhiệm vụ trùng nhau');
  expect(vi).toContain('15/KH-UBND · 26/12/2019 · Kế hoạch CCHC năm 2019 · 20 nhiệm vụ');
  expect(vi).toContain('không có số, không có tên (một bảng dán vào) · 3 nhiệm vụ');
  expect(vi).toContain('Nhiệm vụ đã bỏ');
  const en = html(<PlanQuestionBody question={plan} t={stringsFor('en')} />);
  expect(en).toContain('only 8% of the tasks are the same');
  expect(en).toContain('no number, no title (a pasted table) · 3 tasks');
});

test('the pairs question lists each pair with a box', () => {
  const q: Extract<ExcelQuestion, { kind: 'pairs' }> = {
    kind: 'pairs',
    pairs: [
      {
        key: 'II.1',
        from: 'II.1',
        to: 'II.1',
        before: 'Rà soát thủ tục',
        after: 'Rà soát quy trình',
      },
    ],
  };
  const markup = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <PairsQuestionBody
        question={q}
        t={stringsFor('vi')}
        same={['II.1']}
        onToggle={() => undefined}
      />
    </FluentProvider>,
  );
  expect(markup).toContain('type="checkbox"');
  expect(markup).toMatch(/checked=""/);
  const text = html(
    <PairsQuestionBody question={q} t={stringsFor('vi')} same={[]} onToggle={() => undefined} />,
  );
  expect(text).toContain('Trong sổ (II.1) Rà soát thủ tục');
  expect(text).toContain('Trong kế hoạch mới (II.1) Rà soát quy trình');
  expect(text).toContain('Cùng một nhiệm vụ');
});

test('the rebuild summary names each change, and leaves out what did not happen', () => {
  const r: RebuildSummary = {
    kept: 10,
    renumbered: [{ from: 'I.1', to: 'I.3' }],
    edited: [{ from: 'I.2', to: 'I.2', before: 'Cũ', after: 'Mới' }],
    added: ['V.10'],
    removed: [{ code: 'V.4', title: 'Xây dựng mẫu phiếu', kept: true }],
    typed: [{ title: 'Kiểm tra niêm yết', to: '+1' }],
    restored: [],
    apart: [],
  };
  const vi = html(<RebuildLines rebuild={r} t={stringsFor('vi')} />);
  expect(vi).toContain('10 nhiệm vụ giữ nguyên.');
  expect(vi).toContain('I.1 → I.3');
  expect(vi).toContain('I.2: Mới');
  expect(vi).toContain('V.10');
  expect(vi).toContain('V.4: Xây dựng mẫu phiếu');
  expect(vi).toContain('+1: Kiểm tra niêm yết');
  expect(vi).not.toContain('trở lại');
  const en = html(<RebuildLines rebuild={r} t={stringsFor('en')} />);
  expect(en).toContain('1 task renumbered');
  expect(en).toContain('1 new task:');
});
