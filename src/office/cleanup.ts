// The last step of a build: the replaced sheets (hidden, "PhuLuc~old~n" since the swap) and the
// sheets an interrupted build left are deleted. The new workbook is complete before this runs,
// so a failure here only leaves hidden sheets, which the next build removes.

import type { XlRequestContext } from '../render/office/excel-api';
import type { Naming } from './naming';
import { OLD_PREFIX, type Survey } from './survey';

export async function cleanUp(
  ctx: XlRequestContext,
  survey: Survey,
  naming: Naming,
): Promise<{ vi: string; en: string }[]> {
  const ids = [
    ...naming.replaced.map((r) => r.survey.id),
    ...survey.sheets.filter((s) => s.leftover).map((s) => s.id),
  ];
  if (ids.length === 0) return [];
  const attempt = async (): Promise<void> => {
    const sheets = ctx.workbook.worksheets.load('items/id');
    await ctx.sync();
    const present = new Set(sheets.items.map((s) => s.id));
    const todo = ids.filter((id) => present.has(id));
    if (todo.length === 0) return;
    for (const id of todo) ctx.workbook.worksheets.getItem(id).delete();
    await ctx.sync();
  };
  // The usual case: one request that deletes them all.
  try {
    for (const id of ids) ctx.workbook.worksheets.getItem(id).delete();
    await ctx.sync();
    return [];
  } catch {
    try {
      await attempt();
      return [];
    } catch {
      return [
        {
          vi: `Sổ mới đã tạo xong, nhưng chưa xoá được các trang cũ (ẩn, tên "${OLD_PREFIX}…"). Lần tạo sổ sau sẽ xoá chúng; cũng có thể xoá tay.`,
          en: `The new workbook is complete, but the old sheets (hidden, named "${OLD_PREFIX}…") could not be deleted. The next build removes them; they can also be deleted by hand.`,
        },
      ];
    }
  }
}
