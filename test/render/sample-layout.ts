// A small hand-written workbook layout that uses every feature the renderer must write.
import type { Cell, WorkbookLayout } from '../../src/layout/types';

export const TRICKY_TEXTS = ['- Xã hội', '=1+1', '+84', '@abc', '0123', '1/2', 'TRUE', '  lề  '];

const t = (text: string, style?: string): Cell => (style ? { text, style } : { text });

export function sampleLayout(): WorkbookLayout {
  const header = ['Mã', 'Nhiệm vụ', 'Hạn', 'Trạng thái', 'Tình trạng'];
  return {
    styles: {
      title: { font: { bold: true, size: 14, color: '1F3864' } },
      head: {
        font: { bold: true, color: 'FFFFFF' },
        fill: '1F4E78',
        alignment: { horizontal: 'center', vertical: 'middle', wrap: true },
        border: 'A6A6A6',
      },
      date: { numberFormat: 'dd/mm/yyyy', border: 'A6A6A6' },
      pct: { numberFormat: '0%' },
      text: { numberFormat: '@', alignment: { vertical: 'top', wrap: true, indent: 1 } },
      link: { font: { color: '0563C1', underline: true, italic: true, strike: false } },
    },
    names: [
      { name: 'NgayBaoCao', ref: "'Cài đặt'!$B$2", comment: 'Ngày báo cáo' },
      { name: 'DsTrangThai', ref: "'Cài đặt'!$A$4:$A$6" },
    ],
    activeSheet: 'Tổng hợp',
    properties: {
      title: 'Sổ theo dõi',
      subject: 'Kế hoạch 15/KH-UBND',
      creator: 'PhuLuc',
      description: 'phuluc.plan/1; 3 tasks',
    },
    sheets: [
      {
        key: 'dashboard',
        kind: 'dashboard',
        name: 'Tổng hợp',
        marker: 'PhuLuc_TongHop',
        tabColor: '1F4E78',
        columns: [{ width: 6 }, { width: 40 }, { width: 12 }],
        blocks: [
          {
            origin: 'A1',
            rows: [
              [t('TỔNG HỢP', 'title')],
              [
                t('Đơn vị'),
                {
                  text: "Sở O'Neil & Cộng sự",
                  style: 'link',
                  link: { sheet: "Sở O'Neil & Cộng sự", address: 'A1' },
                },
              ],
              [
                t('Quá hạn'),
                { formula: 'COUNTIF(\'Nhiệm vụ\'!E4:E6,"Quá hạn")' },
                { formula: 'IFS(B3>0,"có",TRUE,"không")' },
              ],
              [t('Tỷ lệ'), { number: 0.25, style: 'pct' }, { bool: true }],
              [null, { text: 'Nhiệm vụ', link: { sheet: 'Nhiệm vụ', address: '$B$4' } }],
            ],
          },
        ],
        merges: ['A1:C1'],
        rowHeights: { 1: 30 },
        conditionalFormats: [],
        dataValidations: [],
        print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
      },
      {
        key: 'tasks',
        kind: 'tasks',
        name: 'Nhiệm vụ',
        marker: 'PhuLuc_NhiemVu',
        columns: [
          { width: 8 },
          { width: 50 },
          { width: 12 },
          { width: 16 },
          { width: 18, hidden: true },
        ],
        blocks: [
          { origin: 'A1', rows: [[t('SỔ THEO DÕI', 'title')]] },
          {
            origin: 'A3',
            rows: [
              header.map((h) => t(h, 'head')),
              [
                t('I.1'),
                t(TRICKY_TEXTS[0]!, 'text'),
                { date: '2024-03-15', style: 'date' },
                t('Hoàn thành'),
                { formula: 'IF(D4="Hoàn thành","Xong",IF(C4<NgayBaoCao,"Quá hạn","Trong hạn"))' },
              ],
              [
                t('I.2'),
                t(TRICKY_TEXTS[1]!),
                { date: '2024-12-31' },
                t('Chưa thực hiện'),
                { formula: 'IF(D5="Hoàn thành","Xong",IF(C5<NgayBaoCao,"Quá hạn","Trong hạn"))' },
              ],
              [
                t('II.1'),
                t(TRICKY_TEXTS[2]!),
                { date: '2023-02-28', style: 'date' },
                t(''),
                { formula: 'IF(D6="Hoàn thành","Xong",IF(C6<NgayBaoCao,"Quá hạn","Trong hạn"))' },
              ],
            ],
          },
          { origin: 'A8', rows: [TRICKY_TEXTS.slice(3).map((x) => t(x))] },
        ],
        freeze: { rows: 3, columns: 2 },
        table: {
          name: 'PhuLuc_NhiemVu_Bang',
          range: 'A3:E6',
          style: 'TableStyleLight9',
          columns: header,
          keyColumn: 'Mã',
          entryColumns: ['Trạng thái'],
        },
        conditionalFormats: [
          {
            range: 'A4:E6',
            rules: [
              {
                formula: '$E4="Quá hạn"',
                style: { fill: 'F8CBAD', fontColor: '9C0006', bold: true },
                stopIfTrue: true,
              },
              { formula: '$D4="Đã hủy"', style: { fontColor: '808080', strike: true } },
            ],
          },
          {
            range: 'C4:C6',
            rules: [{ formula: 'AND($C4<>"",$C4<NgayBaoCao)', style: { fill: 'FFEB9C' } }],
          },
        ],
        dataValidations: [
          {
            range: 'D4:D6',
            type: 'list',
            source: '=DsTrangThai',
            allowBlank: true,
            prompt: { title: 'Trạng thái', message: 'Chọn trong danh sách.' },
            error: { title: 'Không hợp lệ', message: 'Chọn trạng thái trong danh sách.' },
          },
          { range: 'B8:B9', type: 'decimal', min: 0, max: 100, allowBlank: true },
          { range: 'C4:C6', type: 'date', min: 45292, allowBlank: true },
        ],
        print: {
          orientation: 'landscape',
          paperSize: 'A4',
          fitToWidth: true,
          repeatRows: '3:3',
          header: '&LKế hoạch số 15/KH-UBND',
          footer: '&LPhuLuc&R&P/&N',
        },
      },
      {
        key: 'unit:oneil',
        kind: 'unit',
        name: "Sở O'Neil & Cộng sự",
        marker: 'PhuLuc_DV_1',
        columns: [{ width: 20 }],
        blocks: [
          {
            origin: 'A1',
            rows: [[t("Sở O'Neil & Cộng sự", 'title')], [{ formula: "COUNTA('Nhiệm vụ'!A4:A6)" }]],
          },
        ],
        conditionalFormats: [],
        dataValidations: [],
        print: {
          orientation: 'landscape',
          paperSize: 'A4',
          fitToWidth: false,
          repeatRows: '$1:$2',
        },
      },
      {
        key: 'settings',
        kind: 'settings',
        name: 'Cài đặt',
        marker: 'PhuLuc_CaiDat',
        hidden: true,
        columns: [{ width: 20 }, { width: 14 }],
        blocks: [
          {
            origin: 'A2',
            rows: [
              [t('Ngày báo cáo'), { date: '2024-06-30', style: 'date' }],
              [t('Trạng thái')],
              [t('Hoàn thành')],
              [t('Chưa thực hiện')],
              [t('Đã hủy')],
            ],
          },
        ],
        conditionalFormats: [],
        dataValidations: [],
        print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
      },
    ],
  };
}
