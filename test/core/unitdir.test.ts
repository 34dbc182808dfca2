// An office's unit directory as a person keeps it in the pane: suggestions of units that are one
// office, merges and splits, and the `--units` file it exports (read back by the same reader the
// command line uses).
import { parsePlanText } from '../../src/core/plan/parse';
import type { Plan } from '../../src/core/plan/types';
import { parseUnitDirectory } from '../../src/core/units';
import {
  applyUnitEdits,
  entriesOfUnits,
  suggestUnitMerges,
  writeUnitDirectory,
} from '../../src/core/unitdir';
import { SEEDS, seedNamed, seedText } from '../helpers/seeds';

const SEED_001 = parsePlanText(seedText(seedNamed('001')));
const OFFICE = [
  'Văn phòng HĐND - UBND huyện',
  'Văn phòng HĐND - UBND huyện (Bộ phận tiếp nhận và trả kết quả)',
  'UBND huyện (Bộ phận tiếp nhận và trả kết quả)',
  'Bộ phận tiếp nhận và trả kết quả',
  'Văn phòng HĐND',
];

const unitNames = (plan: Plan): string[] => plan.units.map((u) => u.name);

describe('suggestions', () => {
  it("seed 001: the five names of the district office's one-stop shop, the most used first", () => {
    const found = suggestUnitMerges(SEED_001.units);
    expect(found.map((s) => s.names)).toEqual([OFFICE]);
  });

  it('the other seeds: no suggestion (their units are distinct, or groups)', () => {
    for (const name of SEEDS.filter((s) => !s.startsWith('001'))) {
      expect(suggestUnitMerges(parsePlanText(seedText(name)).units)).toEqual([]);
    }
  });

  it('never pairs groups, nor names that only share their first word', () => {
    const unit = (name: string, group = false) => ({
      name,
      group,
      aliases: [name],
      leadCount: 1,
      supportCount: 0,
    });
    expect(
      suggestUnitMerges([
        unit('Sở Nội vụ'),
        unit('Sở Tư pháp'),
        unit('Các ban, ngành', true),
        unit('Các ban, ngành, đoàn thể', true),
      ]),
    ).toEqual([]);
    // The same part in brackets of two bodies, and the part itself.
    expect(
      suggestUnitMerges([
        unit('UBND huyện (Bộ phận một cửa)'),
        unit('Văn phòng UBND huyện (Bộ phận một cửa)'),
      ]).map((s) => s.names),
    ).toEqual([['Văn phòng UBND huyện (Bộ phận một cửa)', 'UBND huyện (Bộ phận một cửa)']]);
    expect(
      suggestUnitMerges([unit('Bộ phận một cửa'), unit('UBND xã (Bộ phận một cửa)')]).map(
        (s) => s.names,
      ),
    ).toEqual([['UBND xã (Bộ phận một cửa)', 'Bộ phận một cửa']]);
    expect(suggestUnitMerges([unit('Phòng Nội vụ'), unit('Phòng Nội vụ huyện')])).toEqual([
      { names: ['Phòng Nội vụ huyện', 'Phòng Nội vụ'], key: 'Phòng Nội vụ|Phòng Nội vụ huyện' },
    ]);
  });
});

describe('merging and splitting', () => {
  const merged = (): Plan => {
    const entries = applyUnitEdits(entriesOfUnits(SEED_001.units), SEED_001.units, [
      { kind: 'merge', names: OFFICE, into: OFFICE[0]! },
    ]);
    return parsePlanText(seedText(seedNamed('001')), { directory: entries });
  };

  it('five units become one, with every spelling, and no new finding', () => {
    const plan = merged();
    expect(plan.units).toHaveLength(SEED_001.units.length - 4);
    const office = plan.units.find((u) => u.name === OFFICE[0])!;
    expect(office.aliases).toEqual(expect.arrayContaining(OFFICE));
    // Task counts: each task once, whichever spelling it used.
    const leads = SEED_001.tasks.filter((t) => t.lead.some((l) => OFFICE.includes(l))).length;
    expect(office.leadCount).toBe(leads);
    // A directory of the plan's own units: nothing is "not in the directory"; the near-miss
    // note about "Văn phòng HĐND" is answered.
    const codes = plan.findings.map((f) => f.code);
    expect(codes).not.toContain('unit-unknown');
    expect(codes).not.toContain('unit-maybe-same');
    expect(codes.length).toBe(SEED_001.findings.length - 1);
    // The tasks keep their units as written; the directory names the unit.
    expect(plan.tasks).toEqual(SEED_001.tasks);
  });

  it('a split takes a spelling (and its variants) out into a unit of its own', () => {
    const base = entriesOfUnits(SEED_001.units);
    const entries = applyUnitEdits(base, SEED_001.units, [
      { kind: 'merge', names: OFFICE, into: OFFICE[0]! },
      { kind: 'split', unit: OFFICE[0]!, alias: 'Văn phòng HĐND' },
    ]);
    const plan = parsePlanText(seedText(seedNamed('001')), { directory: entries });
    expect(unitNames(plan)).toContain('Văn phòng HĐND');
    expect(plan.units).toHaveLength(SEED_001.units.length - 3);
    // Seed 000: "Văn phòng HĐND&UBND" was merged into the plan's level by the reader.
    const seed000 = parsePlanText(seedText(seedNamed('000')));
    const vp = seed000.units.find((u) => u.name === 'Văn phòng HĐND&UBND thị xã')!;
    expect(vp.aliases).toContain('Văn phòng HĐND&UBND');
    const apart = applyUnitEdits(entriesOfUnits(seed000.units), seed000.units, [
      { kind: 'split', unit: vp.name, alias: 'Văn phòng HĐND&UBND' },
    ]);
    const again = parsePlanText(seedText(seedNamed('000')), { directory: apart });
    expect(again.units).toHaveLength(seed000.units.length + 1);
    expect(again.units.find((u) => u.name === vp.name)!.aliases).not.toContain(
      'Văn phòng HĐND&UBND',
    );
  });

  it('a merge names a unit the directory does not hold yet (a saved directory, a new plan)', () => {
    const entries = applyUnitEdits([], SEED_001.units, [
      { kind: 'merge', names: ['Văn phòng HĐND', 'Thanh tra huyện'], into: 'Thanh tra huyện' },
    ]);
    expect(entries).toEqual([
      { name: 'Thanh tra huyện', aliases: ['Văn phòng HĐND'], group: false, members: [] },
    ]);
  });
});

describe('the --units file', () => {
  it.each(['csv', 'json'] as const)(
    '%s: read back by the --units reader, entry for entry',
    (format) => {
      for (const name of SEEDS) {
        const units = parsePlanText(seedText(name)).units;
        const entries = applyUnitEdits(entriesOfUnits(units), units, []);
        const text = writeUnitDirectory(entries, format);
        expect(parseUnitDirectory(text.replace(/^\uFEFF/, ''), format)).toEqual(entries);
      }
    },
  );

  it('CSV: Vietnamese headers, one unit a row, lists with "; ", groups marked x, a BOM for Excel', () => {
    const entries = applyUnitEdits(entriesOfUnits(SEED_001.units), SEED_001.units, [
      { kind: 'merge', names: OFFICE, into: OFFICE[0]! },
    ]);
    const csv = writeUnitDirectory(entries, 'csv');
    expect(csv.startsWith('\uFEFF"Tên đơn vị","Tên khác","Nhóm","Thành viên"\r\n')).toBe(true);
    expect(csv).toContain(
      '"Văn phòng HĐND - UBND huyện","Bộ phận tiếp nhận và trả kết quả; UBND huyện (Bộ phận tiếp nhận và trả kết quả); Văn phòng HĐND; Văn phòng HĐND - UBND huyện (Bộ phận tiếp nhận và trả kết quả)","",""',
    );
    expect(csv).toContain('"Các phòng chuyên môn","","x",""');
    // The plan read with the exported directory is the plan read with the edited one.
    const viaFile = parsePlanText(seedText(seedNamed('001')), {
      directory: parseUnitDirectory(csv.slice(1), 'csv'),
    });
    expect(viaFile).toEqual(parsePlanText(seedText(seedNamed('001')), { directory: entries }));
  });
});
