// The header spellings of docs/domain.md, each read as the role it names: written with its
// diacritics, without them, in capitals, and in the decomposed form PDF copies give. The rules
// are written in Vietnamese (src/core/table/headers.ts) and folded when they are made.
import { layoutHeader, roleOfHeader, yearInHeader } from '../../src/core/table/headers';
import { foldedRule } from '../../src/core/table/spelling';
import type { ColumnRole } from '../../src/core/plan/types';

const SPELLINGS: [string, ColumnRole | null][] = [
  ['STT', 'stt'],
  ['Số TT', 'stt'],
  ['TT', 'stt'],
  ['Số thứ tự', 'stt'],
  ['Nhiệm vụ', 'task'],
  ['Tên nhiệm vụ', 'task'],
  ['Nội dung công việc', 'task'],
  ['Nội dung', 'task'],
  ['Nhiệm vụ chủ trì', 'task'],
  ['Nhiệm vụ, giải pháp', 'task'],
  ['Tên đề án', 'task'],
  ['Đơn vị chủ trì', 'lead'],
  ['Cơ quan chủ trì', 'lead'],
  ['Cơ quan chủ trì thực hiện', 'lead'],
  ['Bộ phận chủ trì', 'lead'],
  ['Chủ trì', 'lead'],
  ['Đơn vị thực hiện', 'lead'],
  ['Cơ quan thực hiện', 'lead'],
  ['Trách nhiệm thực hiện', 'lead'],
  ['Chịu trách nhiệm', 'lead'],
  ['Đơn vị phối hợp', 'support'],
  ['Cơ quan phối hợp', 'support'],
  ['Phối hợp', 'support'],
  ['Thời gian', 'time'],
  ['Thời gian thực hiện', 'time'],
  ['Thời gian hoàn thành', 'time'],
  ['Thời hạn hoàn thành', 'time'],
  ['Tiến độ thực hiện', 'time'],
  ['Thời gian thực hiện (Năm 2026)', 'time'],
  ['Bắt đầu', 'start'],
  ['Ngày bắt đầu', 'start'],
  ['Từ ngày', 'start'],
  ['Kết thúc', 'due'],
  ['Đến ngày', 'due'],
  ['Sản phẩm', 'product'],
  ['Sản phẩm dự kiến hoàn thành', 'product'],
  ['Kết quả công việc', 'product'],
  ['Kết quả dự kiến', 'product'],
  ['Kết quả đầu ra', 'product'],
  ['Kết quả/Đánh giá', 'product'],
  ['Ghi chú', 'note'],
  // Extra columns: no role.
  ['Cấp trình', null],
  ['Đơn vị', null],
  ['Kinh phí', null],
];

const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

describe('header spellings', () => {
  it.each(SPELLINGS)('"%s" names %s', (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
    expect(roleOfHeader(plain(header))).toBe(role);
    expect(roleOfHeader(header.toLocaleUpperCase('vi'))).toBe(role);
    expect(roleOfHeader(header.normalize('NFD'))).toBe(role);
    expect(roleOfHeader(`${header}:`)).toBe(role);
  });

  it('takes a bare "Đơn vị" as the lead only when no column is headed as the lead', () => {
    expect(layoutHeader(['STT', 'Đơn vị', 'Nhiệm vụ chủ trì'], null).columns).toEqual({
      stt: 0,
      lead: 1,
      task: 2,
    });
    expect(layoutHeader(['STT', 'Đơn vị', 'Nhiệm vụ', 'Cơ quan chủ trì'], null).columns.lead).toBe(
      3,
    );
  });

  it('reads the year a time header names', () => {
    expect(yearInHeader('Thời gian thực hiện (Năm 2026)')).toBe(2026);
    expect(yearInHeader('THOI GIAN THUC HIEN (NAM 2026)')).toBe(2026);
    expect(yearInHeader('Thời gian thực hiện')).toBeNull();
  });
});

describe('foldedRule', () => {
  it('folds the Vietnamese letters of a rule as a cell is folded, and leaves its ASCII', () => {
    expect(foldedRule(/^(đơn vị|cơ quan)\s+chủ trì\b/).source).toBe(
      String.raw`^(don vi|co quan)\s+chu tri\b`,
    );
    expect(foldedRule(/\S+ Đ\d/u).source).toBe(String.raw`\S+ d\d`);
    expect(foldedRule(/quý/iu).flags).toBe('iu');
  });
});
