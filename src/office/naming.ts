// The names of a build's sheets: each layout sheet's temporary name while it is written
// ("PhuLuc~new~1") and its name after the swap (the layout's, unless a sheet PhuLuc did not
// create has it); the PhuLuc sheets it replaces and the names they step aside to
// ("PhuLuc~old~1"); temporary table names.

import { sheetOfReference } from '../excel/formula';
import type { SheetLayout, WorkbookLayout } from '../layout/types';
import { BuildError } from './build-error';
import { kindOfKey, OLD_PREFIX, TEMP_PREFIX, type Survey, type SurveySheet } from './survey';

/** Excel's longest sheet name. */
const MAX_NAME = 31;

/** The PhuLuc sheets this build replaces, their tables, and every sheet that stays. */
export function refsScope(survey: Survey, writes: (kind: string) => boolean) {
  const replaced = survey.sheets.filter(
    (s) => s.key !== null && s.leftover === null && writes(kindOfKey(s.key)),
  );
  const names = new Set(replaced.map((s) => s.name.toLowerCase()));
  return {
    replaced,
    tables: survey.tables.filter((t) => names.has(t.sheet.toLowerCase())).map((t) => t.name),
    kept: survey.sheets.filter((s) => s.leftover === null && !replaced.includes(s)),
  };
}

/** A replaced sheet's name (lower case) → the name of the new sheet of the same role. */
export function successorNames(naming: Naming): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of naming.replaced) {
    const write = naming.writes.find((x) => x.sheet.key === r.survey.key);
    if (write) out.set(r.survey.name.toLowerCase(), write.actual);
  }
  return out;
}

export interface SheetWrite {
  sheet: SheetLayout;
  /** Name while it is built. */
  temp: string;
  /** Name after the swap. */
  actual: string;
  /** Temporary table name, when the sheet has a table. */
  tempTable?: string;
}

export interface Naming {
  writes: SheetWrite[];
  /** PhuLuc sheets replaced by this build (renamed to OLD names at the swap, then deleted). */
  replaced: { survey: SurveySheet; oldName: string }[];
  /** Layout sheets not written (commands): their existing names, by layout name. */
  kept: Map<string, string>;
  /** Layout sheet name (lower case) → the name formulas must use while building. */
  buildNames: Map<string, string>;
  /** Layout sheet name (lower case) → the name after the swap. */
  finalNames: Map<string, string>;
  tableRenames: Map<string, string>;
  warnings: { vi: string; en: string }[];
}

export function nameSheets(
  survey: Survey,
  layout: WorkbookLayout,
  writes: (kind: string) => boolean,
): Naming {
  const lower = (s: string): string => s.toLowerCase();
  const existing = new Set(survey.sheets.map((s) => lower(s.name)));
  const existingTables = new Set([
    ...survey.tables.map((t) => lower(t.name)),
    ...survey.names.map((n) => lower(n.name)),
  ]);
  const written = layout.sheets.filter((s) => writes(s.kind));
  const ours = survey.sheets.filter((s) => s.key !== null && s.leftover === null);
  const replacedSheets = ours.filter((s) => writes(kindOfKey(s.key!)));
  const keptSheets = ours.filter((s) => !replacedSheets.includes(s));

  // Names that stay taken after the swap: every sheet that is neither replaced nor a leftover.
  const taken = new Set(
    survey.sheets
      .filter((s) => !replacedSheets.includes(s) && s.leftover === null)
      .map((s) => lower(s.name)),
  );
  const warnings: Naming['warnings'] = [];
  const kept = new Map<string, string>();
  for (const sheet of layout.sheets) {
    if (writes(sheet.kind)) continue;
    const have = keptSheets.find((s) => s.key === sheet.key);
    if (have) kept.set(lower(sheet.name), have.name);
  }

  let tempNumber = 1;
  const free = (prefix: string, used: Set<string>): string => {
    while (used.has(lower(`${prefix}${tempNumber}`))) tempNumber++;
    const name = `${prefix}${tempNumber}`;
    used.add(lower(name));
    return name;
  };
  const usedNow = new Set(existing);
  const usedTables = new Set(existingTables);
  const writesOut: SheetWrite[] = [];
  for (const sheet of written) {
    let actual = sheet.name;
    if (taken.has(lower(actual))) {
      for (let k = 2; taken.has(lower(actual)); k++) {
        const suffix = ` (${k})`;
        actual =
          [...sheet.name]
            .slice(0, MAX_NAME - suffix.length)
            .join('')
            .trimEnd() + suffix;
      }
      warnings.push({
        vi: `Đã có trang "${sheet.name}" không do PhuLuc tạo: PhuLuc không ghi đè lên trang đó, trang mới có tên "${actual}".`,
        en: `A sheet named "${sheet.name}" that PhuLuc did not create already exists: it was left alone, and the new sheet is called "${actual}".`,
      });
    }
    taken.add(lower(actual));
    const temp = free(TEMP_PREFIX, usedNow);
    const write: SheetWrite = { sheet, temp, actual };
    if (sheet.table) {
      if (
        survey.tables.some(
          (t) =>
            lower(t.name) === lower(sheet.table!.name) &&
            !ours.some((s) => lower(s.name) === lower(t.sheet)),
        )
      ) {
        throw new BuildError(
          `Bảng tính đã có một bảng hoặc tên "${sheet.table.name}" không do PhuLuc tạo. Hãy đổi tên bảng đó rồi chạy lại.`,
          `The workbook already has a table or name "${sheet.table.name}" that PhuLuc did not create. Rename it and try again.`,
          true,
          'survey',
          undefined,
          'name-taken',
        );
      }
      let tableNumber = 1;
      while (usedTables.has(lower(`PhuLuc_tmp_${tableNumber}`))) tableNumber++;
      write.tempTable = `PhuLuc_tmp_${tableNumber}`;
      usedTables.add(lower(write.tempTable));
    }
    writesOut.push(write);
  }

  let oldNumber = 1;
  const replaced = replacedSheets.map((sheet) => {
    while (usedNow.has(lower(`${OLD_PREFIX}${oldNumber}`))) oldNumber++;
    const oldName = `${OLD_PREFIX}${oldNumber}`;
    usedNow.add(lower(oldName));
    return { survey: sheet, oldName };
  });

  const buildNames = new Map<string, string>();
  const finalNames = new Map<string, string>();
  for (const [name, have] of kept) {
    buildNames.set(name, have);
    finalNames.set(name, have);
  }
  const tableRenames = new Map<string, string>();
  for (const w of writesOut) {
    buildNames.set(lower(w.sheet.name), w.temp);
    finalNames.set(lower(w.sheet.name), w.actual);
    if (w.sheet.table && w.tempTable) tableRenames.set(lower(w.sheet.table.name), w.tempTable);
  }
  return { writes: writesOut, replaced, kept, buildNames, finalNames, tableRenames, warnings };
}

/** Layout names whose reference lies on a sheet this build writes. */
export function namesToWrite(layout: WorkbookLayout, naming: Naming): WorkbookLayout['names'] {
  const writtenNames = new Set(naming.writes.map((w) => w.sheet.name.toLowerCase()));
  return layout.names.filter((n) => {
    const target = sheetOfReference(n.ref);
    return target !== null && writtenNames.has(target.toLowerCase());
  });
}
