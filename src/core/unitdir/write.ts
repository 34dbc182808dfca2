// An office's unit directory written in the format `phuluc … --units FILE` reads
// (src/core/units/parse-directory.ts): CSV with Vietnamese headers (opens in Excel: UTF-8 with a
// byte order mark), or JSON { "units": [...] }. Reading what this writes gives the entries back.

import Papa from 'papaparse';
import type { UnitDirectoryEntry, UnitDirectoryFormat } from '../units';

/** The CSV's header row: the names the reader knows ("tên đơn vị", "tên khác", …). */
export const DIRECTORY_CSV_HEADERS = ['Tên đơn vị', 'Tên khác', 'Nhóm', 'Thành viên'] as const;

export function writeUnitDirectory(
  entries: readonly UnitDirectoryEntry[],
  format: UnitDirectoryFormat,
): string {
  if (format === 'json') {
    const units = entries.map((e) => ({
      name: e.name,
      aliases: e.aliases,
      group: e.group,
      members: e.members,
    }));
    return `${JSON.stringify({ units }, null, 2)}\n`;
  }
  const rows = entries.map((e) => [
    e.name,
    e.aliases.join('; '),
    e.group ? 'x' : '',
    e.members.join('; '),
  ]);
  const csv = Papa.unparse([[...DIRECTORY_CSV_HEADERS], ...rows], {
    quotes: true,
    newline: '\r\n',
  });
  return `\uFEFF${csv}\r\n`;
}
