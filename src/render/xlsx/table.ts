// A table part (xl/tables/tableN.xml): its range with a filter on the header, the column names
// the header cells hold, the calculated columns' formulas and the built-in style.

import { boxRef, parseBoxRef } from '../../excel/a1';
import type { TableLayout } from '../../layout/types';
import { fileFormula } from './formula';
import { NS, spreadsheetText, XML_DECLARATION, xmlEscape } from './xml';

/** The table's range as the file stores it: Excel needs at least one data row under the header. */
export function tableRange(table: TableLayout): string {
  const box = parseBoxRef(table.range)!;
  return boxRef({ ...box, bottom: Math.max(box.bottom, box.top + 1) });
}

export function tableXml(table: TableLayout, id: number): string {
  const ref = tableRange(table);
  const calculated = table.calculated ?? {};
  let columns = '';
  table.columns.forEach((name, i) => {
    const formula = calculated[name];
    const attrs = `id="${i + 1}" name="${xmlEscape(name)}"`;
    columns +=
      formula === undefined
        ? `<tableColumn ${attrs}/>`
        : `<tableColumn ${attrs}><calculatedColumnFormula>${spreadsheetText(fileFormula(formula))}</calculatedColumnFormula></tableColumn>`;
  });
  return (
    `${XML_DECLARATION}<table xmlns="${NS.main}" id="${id}" name="${xmlEscape(table.name)}" ` +
    `displayName="${xmlEscape(table.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${xmlEscape(table.style)}" showFirstColumn="0" showLastColumn="0" ` +
    'showRowStripes="1" showColumnStripes="0"/></table>'
  );
}
