// The layout as it is written while the old sheets still stand: its sheets under their
// temporary names, formulas and rules pointing at those, links at the names after the swap.

import { renameRefs } from '../excel/formula';
import type { WorkbookLayout } from '../layout/types';
import type { Naming } from './naming';

/** The layout as it is written: sheets under temporary names, formulas pointing at them. */
export function rewriteLayout(layout: WorkbookLayout, naming: Naming): WorkbookLayout {
  const toBuild = (formula: string): string =>
    renameRefs(formula, naming.buildNames, naming.tableRenames);
  const sheets = naming.writes.map(({ sheet, temp, tempTable }) => {
    const finalOf = (name: string): string => naming.finalNames.get(name.toLowerCase()) ?? name;
    return {
      ...sheet,
      name: temp,
      blocks: sheet.blocks.map((block) => ({
        ...block,
        rows: block.rows.map((row) =>
          row.map((cell) => {
            if (!cell) return cell;
            let out = cell;
            if (cell.formula !== undefined) out = { ...out, formula: toBuild(cell.formula) };
            if (cell.link) {
              // Links are text: Excel does not follow renames, so they name the final sheets.
              const target = finalOf(cell.link.sheet);
              out = {
                ...out,
                link: { ...cell.link, sheet: target },
                ...(cell.text === cell.link.sheet ? { text: target } : {}),
              };
            }
            return out;
          }),
        ),
      })),
      conditionalFormats: sheet.conditionalFormats.map((cf) => ({
        ...cf,
        rules: cf.rules.map((rule) => ({ ...rule, formula: toBuild(rule.formula) })),
      })),
      dataValidations: sheet.dataValidations.map((dv) => ({
        ...dv,
        ...(dv.source?.startsWith('=') ? { source: `=${toBuild(dv.source.slice(1))}` } : {}),
      })),
      ...(sheet.table && tempTable ? { table: { ...sheet.table, name: tempTable } } : {}),
    };
  });
  return { ...layout, sheets };
}
