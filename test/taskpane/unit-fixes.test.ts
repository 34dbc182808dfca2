// The unit fixes a finding offers come from its code and parameters, never from its sentences:
// each case's English words name other units than its parameters (a reworded catalogue, a
// plan read back with edited text), and the fix must still follow the parameters.
import { finding } from '../../src/core/findings/messages';
import type { Finding } from '../../src/core/plan/types';
import { parsePlanText } from '../../src/core/plan/parse';
import { textToGrid } from '../../src/core/grid/fromText';
import { fixFor } from '../../src/taskpane/model/fixes';
import type { UnitEdit } from '../../src/core/unitdir';

const SOURCE = ['STT\tNội dung\tChủ trì\tThời gian', '1\tRà soát\tSở Tài chính\tQuý II/2025'].join(
  '\n',
);
const grid = textToGrid(SOURCE);
const plan = parsePlanText(SOURCE);

/** The finding as raised, then its sentences replaced by ones naming other units. */
function reworded(made: Finding): Finding {
  return {
    ...made,
    message: 'Đơn vị "Sở Khác" không có trong danh mục.',
    messageEn: 'Unit "Other Office" is not in the unit directory.',
    suggestion: 'Có thể là "Sở Khác 2".',
    suggestionEn:
      'Possibly "Other Office 2": write "Other Office 3" in every task or declare "Other Office 4" as its alias.',
  };
}

const CASES: { name: string; made: Finding; units: UnitEdit[] }[] = [
  {
    name: 'a unit the directory lacks, with a likely match: merged into the match',
    made: finding('unit-unknown', 'warning', null, [], {
      unit: 'Sở TC',
      spellings: ['Sở TC'],
      tasks: ['1'],
      hint: 'Sở Tài chính',
    }),
    units: [{ kind: 'merge', names: ['Sở Tài chính', 'Sở TC'], into: 'Sở Tài chính' }],
  },
  {
    name: 'a unit the directory lacks, no likely match: a unit of its own',
    made: finding('unit-unknown', 'warning', null, [], {
      unit: 'Ban Quản lý dự án',
      spellings: ['Ban Quản lý dự án', 'BQL dự án'],
      tasks: ['1', '2'],
      hint: null,
    }),
    units: [{ kind: 'merge', names: ['Ban Quản lý dự án'], into: 'Ban Quản lý dự án' }],
  },
  {
    name: 'two spellings that may be one unit: the less used one becomes the other',
    made: finding('unit-maybe-same', 'info', null, [], {
      first: 'Sở Y tế',
      second: 'Sở Y Tế',
      target: 'Sở Y Tế',
      other: 'Sở Y tế',
      tasks: ['3'],
    }),
    units: [{ kind: 'merge', names: ['Sở Y tế', 'Sở Y Tế'], into: 'Sở Y tế' }],
  },
];

describe('unit fixes read the finding parameters', () => {
  it.each(CASES)('$name', ({ made, units }) => {
    expect(fixFor(reworded(made), plan, grid)?.units).toEqual(units);
    // The words as the catalogue made them give the same fix.
    expect(fixFor(made, plan, grid)?.units).toEqual(units);
  });

  it('a finding without parameters (an older plan file) offers no unit fix', () => {
    for (const { made } of CASES) {
      const withoutParams: Finding = { ...made };
      delete withoutParams.params;
      expect(fixFor(withoutParams, plan, grid)).toBeNull();
    }
  });
});
