// What people built on PhuLuc's sheets stays alive through a rebuild: formulas on their own
// sheets, their defined names (workbook and sheet scope), the conditional formats and data
// validations of their sheets, when these point at a PhuLuc sheet or table.
//
// Excel follows a sheet through a rename and turns a reference to a deleted sheet into #REF!.
// A rebuild renames the old sheets away ("PhuLuc~old~n"), gives their names to the new sheets
// and deletes the old ones — which, left alone, breaks every such reference. So they are read
// before anything changes (the build's locate and read requests) and set again right after the
// renames, in the swap's own request: the text as it was, each PhuLuc sheet's name replaced by
// the name of the new sheet of the same role. A reference to a sheet this plan no longer has (a
// unit that left the plan) keeps pointing at the old sheet, and becomes #REF! when it goes; the
// build says so.
//
// Addresses are kept: a reference to 'Nhiệm vụ'!L5 reads row 5 of the new task list, as when
// Excel replaces a sheet's contents. Charts, pivot tables and other workbooks' links are not
// reached by the Excel API and are not re-pointed; nor are formulas typed on PhuLuc's own
// sheets that a command keeps (Làm mới keeps the task list), whose cells are not scanned.

import { renameSheets, referencedNames } from '../excel/formula';
import { areaAddress, parseArea, splitAreas, type Area } from './address';
import type {
  XlConditionalFormat,
  XlDataValidation,
  XlDataValidationRule,
  XlNamedItem,
  XlRange,
  XlRangeAreas,
  XlRequestContext,
} from '../render/office/excel-api';
import type { Features } from '../render/office/features';
import type { ReadJob } from './reads';
import type { SurveyName, SurveySheet } from './survey';

export interface RefsScope {
  /** PhuLuc sheets this build replaces, as they are now. */
  replaced: SurveySheet[];
  /** Names of the tables on those sheets. */
  tables: string[];
  /** Sheets that stay: people's own (hidden ones too), and PhuLuc sheets this build keeps. */
  kept: SurveySheet[];
}

interface ScopedName {
  /** The sheet it belongs to, as it is now. */
  sheet: string;
  name: string;
  formula: string;
  comment: string;
}

interface CellFormula {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  formula: string;
}

interface ConditionalRef {
  format: XlConditionalFormat;
  formula: string;
}

interface ValidationRef {
  sheet: string;
  address: string;
  rule: XlDataValidationRule;
  prompt: XlDataValidation['prompt'];
  errorAlert: XlDataValidation['errorAlert'];
  ignoreBlanks: boolean;
}

/** What points at the sheets being replaced, as it was before the build. */
export interface UserRefs {
  /** Workbook names that mention a replaced sheet (PhuLuc's own among them: the caller sorts). */
  names: SurveyName[];
  /** Names scoped to a kept sheet. */
  scoped: ScopedName[];
  /** Names scoped to a replaced sheet: they go with it, so the new sheet gets them again. */
  onReplaced: ScopedName[];
  cells: CellFormula[];
  conditionalFormats: ConditionalRef[];
  validations: ValidationRef[];
  warnings: { vi: string; en: string }[];
}

export const NO_REFS: UserRefs = {
  names: [],
  scoped: [],
  onReplaced: [],
  cells: [],
  conditionalFormats: [],
  validations: [],
  warnings: [],
};

/** Names Excel keeps for itself (print titles, filters): each sheet has its own. */
const BUILT_IN = /^(_xlnm\.|Print_Titles$|Print_Area$|_FilterDatabase$)/i;

const lower = (s: string): string => s.toLowerCase();

/** Does the formula mention a sheet or table of the scope? */
function mentions(formula: string, sheets: Set<string>, tables: Set<string>): boolean {
  if (!formula.includes('!') && !formula.includes('[')) return false;
  const refs = referencedNames(formula);
  if (!refs) return false;
  return (
    refs.sheets.some((s) => sheets.has(lower(s))) || refs.tables.some((t) => tables.has(lower(t)))
  );
}

// ---------- locate ----------

interface KeptProbe {
  sheet: SurveySheet;
  names: { items: XlNamedItem[] };
  formulas: XlRangeAreas | null;
  used: XlRange | null;
  conditional: { items: XlConditionalFormat[] } | null;
  validations: XlRangeAreas | null;
}

export interface RefsLocate {
  jobs(): ReadJob[];
  /** After the read: what to set again. */
  found(): UserRefs;
}

/**
 * Queues the locate request's part: for each kept sheet its names, where its formulas are (or
 * its used range), its conditional formats and the cells with a validation.
 */
export function queueRefsLocate(
  ctx: XlRequestContext,
  scope: RefsScope,
  workbookNames: SurveyName[],
  features: Features,
): () => RefsLocate {
  const sheets = new Set(scope.replaced.map((s) => lower(s.name)));
  const tables = new Set(scope.tables.map(lower));
  const load = 'items/name,items/formula,items/comment';
  const kept: KeptProbe[] = scope.kept.map((sheet) => {
    const ws = ctx.workbook.worksheets.getItem(sheet.name);
    const whole = ws.getRange();
    // The cells of PhuLuc's own kept sheets are its formulas (thousands on a long task list),
    // which read their own sheet and names: they are not scanned.
    const cells = sheet.key === null;
    return {
      sheet,
      names: ws.names.load(load),
      formulas:
        cells && features.specialCells
          ? whole.getSpecialCellsOrNullObject('Formulas').load('address')
          : null,
      used:
        cells && !features.specialCells
          ? ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount')
          : null,
      conditional: features.conditionalFormats
        ? whole.conditionalFormats.load('items/id,items/type')
        : null,
      validations:
        features.specialCells && features.validation
          ? whole.getSpecialCellsOrNullObject('DataValidations').load('address')
          : null,
    };
  });
  const replaced = scope.replaced.map((sheet) => ({
    sheet,
    names: ctx.workbook.worksheets.getItem(sheet.name).names.load(load),
  }));

  return () => {
    const refs: UserRefs = {
      names: workbookNames.filter((n) => mentions(n.formula, sheets, tables)),
      scoped: [],
      onReplaced: [],
      cells: [],
      conditionalFormats: [],
      validations: [],
      warnings: [],
    };
    for (const p of kept) {
      for (const n of p.names.items) {
        if (mentions(n.formula, sheets, tables))
          refs.scoped.push({
            sheet: p.sheet.name,
            name: n.name,
            formula: n.formula,
            comment: n.comment ?? '',
          });
      }
    }
    for (const r of replaced) {
      for (const n of r.names.items) {
        if (BUILT_IN.test(n.name)) continue;
        refs.onReplaced.push({
          sheet: r.sheet.name,
          name: n.name,
          formula: n.formula,
          comment: n.comment ?? '',
        });
      }
    }
    const jobs = (): ReadJob[] => {
      const out: ReadJob[] = [];
      for (const p of kept) {
        const name = p.sheet.name;
        // Formulas: the areas Excel says hold formulas, or the whole used range.
        const areas: { area: Area; values: boolean }[] = [];
        if (p.formulas && !p.formulas.isNullObject) {
          for (const a of splitAreas(p.formulas.address)) {
            const at = parseArea(a);
            if (at) areas.push({ area: at.area, values: false });
          }
        } else if (p.used && !p.used.isNullObject) {
          const u = p.used;
          areas.push({
            area: {
              r0: u.rowIndex,
              c0: u.columnIndex,
              r1: u.rowIndex + u.rowCount - 1,
              c1: u.columnIndex + u.columnCount - 1,
            },
            values: true,
          });
        }
        for (const { area, values } of areas) {
          for (const chunk of rowChunks(area, 20_000))
            out.push(formulaJob(name, chunk, values, sheets, tables, refs));
        }
        const conditional = p.conditional?.items.filter((cf) => cf.type === 'Custom') ?? [];
        const validation = p.validations && !p.validations.isNullObject ? p.validations : null;
        if (conditional.length > 0 || validation) {
          out.push(rulesJob(name, conditional, validation, sheets, tables, refs));
        }
      }
      return out;
    };
    return { jobs, found: () => refs };
  };
}

function rowChunks(area: Area, cells: number): Area[] {
  const width = area.c1 - area.c0 + 1;
  const per = Math.max(1, Math.floor(cells / width));
  const out: Area[] = [];
  for (let r = area.r0; r <= area.r1; r += per)
    out.push({ ...area, r0: r, r1: Math.min(area.r1, r + per - 1) });
  return out;
}

function formulaJob(
  sheet: string,
  area: Area,
  withValues: boolean,
  sheets: Set<string>,
  tables: Set<string>,
  refs: UserRefs,
): ReadJob {
  const cells = (area.r1 - area.r0 + 1) * (area.c1 - area.c0 + 1);
  return {
    bytes: cells * (withValues ? 96 : 64),
    queue: (ctx) => {
      const range = ctx.workbook.worksheets
        .getItem(sheet)
        .getRange(areaAddress(area))
        .load(withValues ? 'formulas,values' : 'formulas');
      return () => {
        const formulas = range.formulas;
        const values = withValues ? range.values : null;
        formulas.forEach((row, i) =>
          row.forEach((f, j) => {
            if (typeof f !== 'string' || !f.startsWith('=')) return;
            // A text constant that only looks like a formula comes back as itself.
            if (values && values[i]?.[j] === f) return;
            if (mentions(f, sheets, tables))
              refs.cells.push({ sheet, row: area.r0 + i, col: area.c0 + j, formula: f });
          }),
        );
      };
    },
  };
}

function rulesJob(
  sheet: string,
  conditional: XlConditionalFormat[],
  validation: XlRangeAreas | null,
  sheets: Set<string>,
  tables: Set<string>,
  refs: UserRefs,
): ReadJob {
  const areas = validation ? splitAreas(validation.address) : [];
  return {
    bytes: conditional.length * 400 + areas.length * 1200,
    queue: (ctx) => {
      const rules = conditional.map((cf) => cf.custom.rule.load('formula'));
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const props = 'type,rule,prompt,errorAlert,ignoreBlanks';
      // An area may hold several rules side by side: each column is read too.
      const checks = areas.map((address) => {
        const at = parseArea(address);
        const whole = ws.getRange(at ? areaAddress(at.area) : address).dataValidation.load(props);
        const columns: { address: string; dv: XlDataValidation }[] = [];
        if (at && at.area.c1 > at.area.c0) {
          for (let c = at.area.c0; c <= at.area.c1; c++) {
            const col = areaAddress({ ...at.area, c0: c, c1: c });
            columns.push({ address: col, dv: ws.getRange(col).dataValidation.load(props) });
          }
        }
        return { address: at ? areaAddress(at.area) : address, whole, columns };
      });
      return () => {
        conditional.forEach((format, i) => {
          const formula = rules[i]!.formula;
          if (formula && mentions(formula, sheets, tables))
            refs.conditionalFormats.push({ format, formula });
        });
        for (const check of checks) {
          const parts = consistent(check.whole)
            ? [{ address: check.address, dv: check.whole }]
            : check.columns.every((c) => consistent(c.dv))
              ? check.columns
              : null;
          if (!parts) {
            refs.warnings.push({
              vi: `Trang "${sheet}", vùng ${check.address}: các ô có những quy tắc kiểm tra dữ liệu khác nhau, PhuLuc không đọc được để trỏ sang trang mới — hãy kiểm tra lại.`,
              en: `Sheet "${sheet}", ${check.address}: its cells hold different validation rules that PhuLuc could not read to point them at the new sheets — please check them.`,
            });
            continue;
          }
          for (const { address, dv } of parts) {
            if (dv.type === 'None' || !ruleMentions(dv.rule, sheets, tables)) continue;
            refs.validations.push({
              sheet,
              address,
              rule: dv.rule,
              prompt: dv.prompt,
              errorAlert: dv.errorAlert,
              ignoreBlanks: dv.ignoreBlanks,
            });
          }
        }
      };
    },
  };
}

function consistent(dv: XlDataValidation): boolean {
  return dv.type !== 'Inconsistent' && dv.type !== 'MixedCriteria';
}

/** Every formula of a validation rule ("=…" texts of its criterion). */
function ruleFormulas(rule: XlDataValidationRule): string[] {
  const out: string[] = [];
  for (const criterion of Object.values(rule) as unknown[]) {
    if (!criterion || typeof criterion !== 'object') continue;
    for (const v of Object.values(criterion as Record<string, unknown>))
      if (typeof v === 'string' && v.startsWith('=')) out.push(v);
  }
  return out;
}

function ruleMentions(
  rule: XlDataValidationRule,
  sheets: Set<string>,
  tables: Set<string>,
): boolean {
  return ruleFormulas(rule).some((f) => mentions(f, sheets, tables));
}

function mapRule(
  rule: XlDataValidationRule,
  map: (formula: string) => string,
): XlDataValidationRule {
  const out: Record<string, unknown> = {};
  for (const [kind, criterion] of Object.entries(rule) as [string, unknown][]) {
    if (!criterion || typeof criterion !== 'object') {
      out[kind] = criterion;
      continue;
    }
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(criterion as Record<string, unknown>))
      copy[k] = typeof v === 'string' && v.startsWith('=') ? map(v) : v;
    out[kind] = copy;
  }
  return out as XlDataValidationRule;
}

// ---------- setting them again ----------

/**
 * Queues, in the swap's request after the renames, every reference set again: `map` takes a
 * replaced sheet's name (lower case) to the name its references must use now. `successor` gives
 * the new sheet of the same role, for names scoped to a replaced sheet.
 */
export function queueResets(
  ctx: XlRequestContext,
  refs: UserRefs,
  map: Map<string, string>,
  successor: Map<string, string>,
): void {
  setAll(ctx, refs, (f) => renameSheets(f, map));
  const wb = ctx.workbook;
  for (const n of refs.onReplaced) {
    const to = successor.get(lower(n.sheet));
    if (!to) continue;
    wb.worksheets.getItem(to).names.add(n.name, renameSheets(n.formula, map), n.comment);
  }
}

/** After a failed swap: every reference as it was (the old sheets have their names again). */
export function queueOriginals(ctx: XlRequestContext, refs: UserRefs): void {
  setAll(ctx, { ...refs, names: [] }, (f) => f);
}

function setAll(ctx: XlRequestContext, refs: UserRefs, map: (formula: string) => string): void {
  const wb = ctx.workbook;
  for (const n of refs.names) wb.names.getItemOrNullObject(n.name).formula = map(n.formula);
  for (const n of refs.scoped)
    wb.worksheets.getItem(n.sheet).names.getItemOrNullObject(n.name).formula = map(n.formula);
  // Cells: a row's neighbouring formulas in one write.
  const sorted = [...refs.cells].sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col,
  );
  for (let i = 0; i < sorted.length;) {
    const first = sorted[i]!;
    let j = i + 1;
    while (
      j < sorted.length &&
      sorted[j]!.sheet === first.sheet &&
      sorted[j]!.row === first.row &&
      sorted[j]!.col === first.col + (j - i)
    )
      j++;
    const row = sorted.slice(i, j).map((c) => map(c.formula));
    const area = { r0: first.row, c0: first.col, r1: first.row, c1: first.col + row.length - 1 };
    wb.worksheets.getItem(first.sheet).getRange(areaAddress(area)).formulas = [row];
    i = j;
  }
  for (const cf of refs.conditionalFormats) cf.format.custom.rule.formula = map(cf.formula);
  for (const v of refs.validations) {
    const dv = wb.worksheets.getItem(v.sheet).getRange(v.address).dataValidation;
    dv.clear();
    dv.rule = mapRule(v.rule, map);
    dv.ignoreBlanks = v.ignoreBlanks;
    if (v.prompt.showPrompt || v.prompt.title || v.prompt.message) dv.prompt = v.prompt;
    const alert = v.errorAlert;
    if (alert.title || alert.message || !alert.showAlert || alert.style !== 'Stop')
      dv.errorAlert = alert;
  }
}

/** References to replaced sheets that no new sheet takes over: they will break, in words. */
export function orphanWarnings(refs: UserRefs, orphans: string[]): { vi: string; en: string }[] {
  if (orphans.length === 0) return [];
  const gone = new Set(orphans.map(lower));
  const count =
    [...refs.names, ...refs.scoped].filter((n) => hits(n.formula, gone)).length +
    refs.cells.filter((c) => hits(c.formula, gone)).length +
    refs.conditionalFormats.filter((c) => hits(c.formula, gone)).length +
    refs.validations.filter((v) => ruleFormulas(v.rule).some((f) => hits(f, gone))).length;
  if (count === 0) return [];
  const list = orphans.map((s) => `"${s}"`).join(', ');
  return [
    {
      vi: `${count} công thức, tên hoặc quy tắc trên các trang của bạn trỏ tới ${list} — trang này không còn trong kế hoạch mới nên chúng sẽ báo #REF!.`,
      en: `${count} formulas, names or rules on your sheets point at ${list} — no longer part of the plan, so they will show #REF!.`,
    },
  ];
}

function hits(formula: string, sheets: Set<string>): boolean {
  return mentions(formula, sheets, new Set());
}
