"""A person editing a PhuLuc tracker with another program (openpyxl), for the splice tests.

    edit SRC DST   adds what a person adds: an own sheet whose formulas read 'Nhiệm vụ', a
                   defined name (global, and one scoped to the own sheet), a comment, a fill, a
                   table, a chart, a picture (when Pillow is installed), a hidden sheet; also a
                   comment and a scoped name on PhuLuc's 'Nhiệm vụ' sheet. The own sheet is
                   left active.
    inspect FILE   prints what openpyxl sees of that content, as JSON.

Runs with Debian's python3 and its openpyxl (3.0 or 3.1).
"""

import io
import json
import sys

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table, TableStyleInfo

OWN = 'Của tôi'
HIDDEN = 'Ẩn'
TASKS = 'Nhiệm vụ'

try:
    from PIL import Image as PilImage
    from openpyxl.drawing.image import Image
except ImportError:  # no Pillow: no picture
    PilImage = None


def add_name(wb, name, ref, sheet=None):
    """A defined name, global or scoped to `sheet` (openpyxl 3.0 and 3.1 differ here)."""
    if sheet is None:
        defined = DefinedName(name, attr_text=ref)
        if hasattr(wb.defined_names, 'append'):
            wb.defined_names.append(defined)
        else:
            wb.defined_names[name] = defined
        return
    ws = wb[sheet]
    if hasattr(ws, 'defined_names') and not hasattr(wb.defined_names, 'append'):
        ws.defined_names[name] = DefinedName(name, attr_text=ref)
    else:
        wb.defined_names.append(
            DefinedName(name, attr_text=ref, localSheetId=wb.sheetnames.index(sheet))
        )


def edit(src, dst):
    wb = load_workbook(src)
    ws = wb.create_sheet(OWN, 2)
    ws['A1'] = 'Số nhiệm vụ'
    ws['B1'] = "=COUNTA('Nhiệm vụ'!A4:A1000)"
    ws['A2'] = 'Nhiệm vụ đầu'
    ws['B2'] = "='Nhiệm vụ'!D4"
    ws['A3'] = 'Ngày báo cáo'
    ws['B3'] = '=NgayBaoCao'
    ws['A4'] = 'Qua tên riêng'
    ws['B4'] = '=DauNhiemVu'
    ws['A1'].comment = Comment('Ghi chú của tôi', 'Tôi')
    ws['A1'].fill = PatternFill('solid', fgColor='FFFFFF00')
    ws['A6'] = 'Mục'
    ws['B6'] = 'Số'
    for i in range(5):
        ws.cell(row=7 + i, column=1, value=f'm{i}')
        ws.cell(row=7 + i, column=2, value=i * 3)
    table = Table(displayName='BangCuaToi', ref='A6:B11')
    table.tableStyleInfo = TableStyleInfo(name='TableStyleLight9', showRowStripes=True)
    ws.add_table(table)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=2, min_row=6, max_row=11), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=7, max_row=11))
    ws.add_chart(chart, 'D2')
    if PilImage is not None:
        png = io.BytesIO()
        PilImage.new('RGB', (24, 16), (200, 30, 30)).save(png, format='PNG')
        png.seek(0)
        ws.add_image(Image(png), 'D20')

    add_name(wb, 'TenCuaToi', "'Của tôi'!$B$1")
    add_name(wb, 'DauNhiemVu', "'Nhiệm vụ'!$D$4")
    add_name(wb, 'VungRieng', "'Của tôi'!$A$7:$B$11", sheet=OWN)
    add_name(wb, 'GhiChuNV', "'Nhiệm vụ'!$Q$4", sheet=TASKS)
    wb[TASKS]['Q4'].comment = Comment('Ghi chú trên trang PhuLuc', 'Tôi')

    hidden = wb.create_sheet(HIDDEN)
    hidden['A1'] = 'bí mật'
    hidden.sheet_state = 'hidden'
    # The person left the own sheet open (as clicking its tab in Excel does).
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == OWN
    wb.active = wb.sheetnames.index(OWN)
    wb.save(dst)


def names_of(wb):
    out = {}
    if hasattr(wb.defined_names, 'definedName'):  # 3.0: one list, scoped ones carry an id
        for d in wb.defined_names.definedName:
            scope = '' if d.localSheetId is None else wb.sheetnames[int(d.localSheetId)]
            out[f'{scope}!{d.name}'] = d.attr_text
    else:  # 3.1: global names on the workbook, scoped ones on their sheet
        for name, d in wb.defined_names.items():
            out[f'!{name}'] = d.attr_text
        for ws in wb.worksheets:
            for name, d in ws.defined_names.items():
                out[f'{ws.title}!{name}'] = d.attr_text
    return out


def chart_title(chart):
    try:
        return ''.join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))
    except AttributeError:
        return None


def inspect(path):
    wb = load_workbook(path)
    ws = wb[OWN]
    a1 = ws['A1']
    out = {
        'sheets': [[s.title, s.sheet_state] for s in wb.worksheets],
        'names': names_of(wb),
        'own': {
            'formulas': [ws[f'B{r}'].value for r in range(1, 5)],
            'values': [[c.value for c in row] for row in ws['A6:B11']],
            'comment': [a1.comment.text, a1.comment.author] if a1.comment else None,
            'fill': [a1.fill.fill_type, a1.fill.fgColor.rgb],
            'tables': sorted(ws.tables.keys()),
            'charts': [
                [type(c).__name__, chart_title(c), [str(s.val.numRef.f) for s in c.series]]
                for c in ws._charts
            ],
            'images': [[i.width, i.height] for i in ws._images],
        },
        'hidden': wb[HIDDEN]['A1'].value,
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == '__main__':
    if sys.argv[1] == 'edit':
        edit(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == 'inspect':
        inspect(sys.argv[2])
    else:
        sys.exit(f'unknown command {sys.argv[1]}')
