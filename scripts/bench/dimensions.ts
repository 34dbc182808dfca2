// The sizes an appendix grows along, each as a family of appendices of size n: the reader must
// take time linear in every one of them (issue 15). Shared by the linear-growth test
// (test/core/growth.test.ts) and `npm run bench`.

import { roman, syntheticAppendix } from './generate';
import { hostileCell, hostileTable } from './hostile';

export interface Dimension {
  name: string;
  /** An appendix of size n along this dimension (the others fixed). */
  appendix(n: number): string;
  /**
   * The size the test times, and 4× it: a few hundred milliseconds at most, and large enough
   * that a quadratic step the reader once had along this dimension takes 4× the size over 8× the
   * time (the reader before issue 15: 10–25×).
   */
  base: number;
}

const HEADER = 'STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\tSản phẩm';
const HEAD = ['KẾ HOẠCH', 'Cải cách hành chính năm 2024', ''];

/**
 * Tasks whose lead was given once for several rows, in a merged cell lost on the way: each row
 * after the first has no STT and no lead but a text and a time of its own, so it is read as a
 * task of its own with the lead of the row above (a `row-guessed` finding each).
 */
function mergedLeadRows(n: number): string {
  const lines = [...HEAD, 'PHỤ LỤC', HEADER];
  for (let i = 0; i < n; i++) {
    const quarter = ['I', 'II', 'III', 'IV'][i % 4]!;
    if (i % 5 === 0) {
      lines.push(
        `${i / 5 + 1}\tXây dựng kế hoạch số ${i + 1}.\tSở Nội vụ\t\tQuý ${quarter}/2024\tKế hoạch`,
      );
    } else lines.push(`\tTổ chức triển khai việc số ${i + 1}.\t\t\tQuý ${quarter}/2024\tBáo cáo`);
  }
  return lines.join('\n');
}

/**
 * A table whose STT column is empty under its first row (numbers lost in conversion): each of
 * the n rows below carries the first task on, cell by cell, so that task grows row after row.
 */
function oneLongTask(n: number): string {
  const lines = [...HEAD, 'PHỤ LỤC', HEADER];
  lines.push(
    '1\tXây dựng kế hoạch cải cách hành chính\tSở Nội vụ\tSở Tư pháp\tQuý I/2024\tKế hoạch',
  );
  for (let i = 0; i < n; i++) {
    lines.push(
      `\tvà tổ chức thực hiện phần ${i + 1},\tPhòng Nội vụ ${i % 7}\tSở Tài chính\tTháng ${1 + (i % 12)}/2024\tBáo cáo ${i + 1}`,
    );
  }
  return lines.join('\n');
}

/** A document of n appendix tables, ten tasks each, one after the other. */
function tables(n: number): string {
  const lines = [...HEAD];
  for (let t = 1; t <= n; t++) {
    lines.push('', `PHỤ LỤC ${roman(t)}`, `Nhiệm vụ của nhóm ${t}`, HEADER);
    for (let i = 1; i <= 10; i++) {
      lines.push(`${i}\tNhiệm vụ ${i} của bảng ${t}\tSở Tư pháp\tSở Nội vụ\tQuý II/2024\tBáo cáo`);
    }
  }
  return lines.join('\n');
}

/** One task whose time cell lists n recurring times ("Quý I/2024 hằng năm, Quý II/2024 hằng năm, …"). */
function recurringTimes(n: number): string {
  const quarters = ['I', 'II', 'III', 'IV'];
  const times = Array.from({ length: n }, (_, i) => `Quý ${quarters[i % 4]!}/2024 hằng năm`);
  return [
    ...HEAD,
    'PHỤ LỤC',
    HEADER,
    `1\tTổng hợp, báo cáo kết quả cải cách hành chính\tSở Nội vụ\t\t${times.join(', ')}\tBáo cáo`,
  ].join('\n');
}

export const DIMENSIONS: Dimension[] = [
  {
    name: 'tasks (sections of 15, a unit per 20 tasks)',
    appendix: (n) => syntheticAppendix(n),
    base: 2000,
  },
  {
    name: 'tasks in one section',
    appendix: (n) => syntheticAppendix(n, { sectionSize: n }),
    base: 4000,
  },
  {
    name: 'units (one per 2 tasks)',
    appendix: (n) => syntheticAppendix(n, { units: Math.round(n / 2) }),
    base: 2000,
  },
  {
    name: 'rows per task (40 tasks, text over page breaks)',
    appendix: (n) => syntheticAppendix(40, { rowsPerTask: n }),
    base: 200,
  },
  { name: 'rows of one task (a table without numbers)', appendix: oneLongTask, base: 2000 },
  { name: 'rows read as tasks under a lost merged lead', appendix: mergedLeadRows, base: 8000 },
  { name: 'tables (10 tasks each)', appendix: tables, base: 800 },
  {
    name: 'characters in a cell (task, lead and time)',
    appendix: (n) => hostileTable(hostileCell('Quý IV/2024 theo Kế hoạch số 12/KH-UBND; ', n)),
    base: 50_000,
  },
  { name: 'recurring times in one time cell', appendix: recurringTimes, base: 6000 },
];
