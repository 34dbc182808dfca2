// Cells that once made the reader's time grow with the square of their length (issue 9): a
// 200 KB time cell of digits took 42 s. Shared by the linear-time test and `npm run bench`.

/** One repeating unit per shape: digit runs, slash runs, spaces, bullets, real times and names. */
export const HOSTILE_UNITS: readonly string[] = [
  '1',
  '1/',
  '1 / ',
  ' ',
  '\n',
  ', *',
  '. – ',
  '(– ',
  '"',
  'Quý IV/2024; ',
  'định kỳ ',
  'báo cáo hằng ',
  'trước ngày 15/3 và tháng 6 theo Kế hoạch số 12/KH-UBND ',
  'Sở Nội vụ, ',
  '- Phòng Tư pháp\n',
];

/** `unit` repeated to exactly `size` characters. */
export function hostileCell(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Excel's clipboard text of a two-task appendix whose first task, lead and time are `cell`. */
export function hostileTable(cell: string): string {
  const quoted = `"${cell.replace(/"/g, '""')}"`;
  return [
    ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian'],
    ['1', quoted, quoted, quoted],
    ['2', 'Việc hai', 'Sở Tư pháp', 'Quý II/2024'],
  ]
    .map((row) => row.join('\t'))
    .join('\r\n');
}
