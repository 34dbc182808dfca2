"""Issue 9's scenario, done to a tracker by another program (openpyxl), as a person would.

    type SRC DST EDITS.json [ROWS_ABOVE]
        EDITS.json: {"values": {"<Mã>": {"<header>": value}}, "added": [headers...],
                     "typedRow": {"<header>": value}}
        A value is a string, a number, {"date": "YYYY-MM-DD"} or {"formula": "=…{row}…"}.
        Adds the columns in "added" right of the task list, types the values, types a row
        at the end of the list, and adds an own sheet with formulas that read 'Nhiệm vụ',
        an own defined name, a note and a fill on the own sheet and on task III.1's "Ghi chú".
        With ROWS_ABOVE, that many rows are inserted above the task list first.
    inspect FILE
        Prints, as JSON: the task list (its headers, Mã → header → value), the removed-tasks sheet, the
        own sheet, names, notes and fills.
"""

import datetime
import json
import sys

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName

TASKS = 'Nhiệm vụ'
REMOVED = 'Nhiệm vụ đã bỏ'
OWN = 'Theo dõi riêng'


def header_row(ws):
    for r in range(1, min(ws.max_row, 60) + 1):
        texts = [c.value for c in ws[r]]
        if 'Mã' in texts and 'Trạng thái' in texts:
            return r
    raise SystemExit('no header row')


def columns(ws, hr):
    return {c.value: c.column for c in ws[hr] if isinstance(c.value, str) and c.value}


def add_name(wb, name, ref):
    defined = DefinedName(name, attr_text=ref)
    if hasattr(wb.defined_names, 'append'):
        wb.defined_names.append(defined)
    else:
        wb.defined_names[name] = defined


def typed(cell, value, row):
    if isinstance(value, dict) and 'date' in value:
        cell.value = datetime.datetime.strptime(value['date'], '%Y-%m-%d')
        cell.number_format = 'dd/mm/yyyy'
    elif isinstance(value, dict) and 'formula' in value:
        cell.value = value['formula'].replace('{row}', str(row))
    else:
        cell.value = value


def type_values(src, dst, edits_path, above=0):
    with open(edits_path, encoding='utf-8') as f:
        edits = json.load(f)
    wb = load_workbook(src)
    ws = wb[TASKS]
    if above:
        ws.insert_rows(1, above)
    hr = header_row(ws)
    cols = columns(ws, hr)
    for header in edits.get('added', []):
        col = ws.max_column + 1
        ws.cell(row=hr, column=col, value=header)
        cols[header] = col
    code_col = cols['Mã']
    row_of = {}
    last = hr
    for r in range(hr + 1, ws.max_row + 1):
        v = ws.cell(row=r, column=code_col).value
        if v not in (None, ''):
            row_of[str(v)] = r
            last = r
    for code, values in edits['values'].items():
        r = row_of[code]
        for header, value in values.items():
            typed(ws.cell(row=r, column=cols[header]), value, r)
    row = last + 1
    for header, value in edits.get('typedRow', {}).items():
        typed(ws.cell(row=row, column=cols[header]), value, row)
    # A note and a fill on task III.1's "Ghi chú".
    note = ws.cell(row=row_of['III.1'], column=cols['Ghi chú'])
    note.comment = Comment('Hỏi lại phòng Nội vụ', 'Chị Lan')
    note.fill = PatternFill('solid', fgColor='FFFFC000')

    own = wb.create_sheet(OWN)
    own['A1'] = 'Số nhiệm vụ hoàn thành'
    own['B1'] = f"=COUNTIF('{TASKS}'!L:L,\"Hoàn thành\")"
    own['A2'] = 'Ngày báo cáo'
    own['B2'] = '=NgayBaoCao'
    own['A3'] = 'Ghi chú riêng'
    own['B3'] = 'không được mất'
    own['A1'].comment = Comment('Ô của tôi', 'Tôi')
    own['A1'].fill = PatternFill('solid', fgColor='FF92D050')
    add_name(wb, 'SoHoanThanh', f"'{OWN}'!$B$1")
    wb.save(dst)


def plain(value):
    if isinstance(value, datetime.datetime):
        return {'date': value.strftime('%Y-%m-%d')}
    if isinstance(value, datetime.date):
        return {'date': value.isoformat()}
    return value


def names_of(wb):
    out = {}
    if hasattr(wb.defined_names, 'definedName'):
        for d in wb.defined_names.definedName:
            if d.localSheetId is None:
                out[d.name] = d.attr_text
    else:
        for name, d in wb.defined_names.items():
            out[name] = d.attr_text
    return out


def table(ws):
    hr = header_row(ws)
    cols = columns(ws, hr)
    rows = {}
    for r in range(hr + 1, ws.max_row + 1):
        code = ws.cell(row=r, column=cols['Mã']).value
        if code in (None, ''):
            continue
        cells = {}
        for header, c in cols.items():
            cell = ws.cell(row=r, column=c)
            entry = {'value': plain(cell.value)}
            if cell.comment:
                entry['note'] = cell.comment.text
            if cell.fill is not None and cell.fill.fill_type == 'solid':
                entry['fill'] = str(cell.fill.fgColor.rgb)[-6:]
            cells[header] = entry
        rows[str(code)] = {'row': r, 'cells': cells}
    return {'header': hr, 'headers': list(cols.keys()), 'rows': rows}


def inspect(path):
    wb = load_workbook(path)
    own = wb[OWN] if OWN in wb.sheetnames else None
    out = {
        'sheets': wb.sheetnames,
        'names': names_of(wb),
        'tasks': table(wb[TASKS]),
        'removed': table(wb[REMOVED]) if REMOVED in wb.sheetnames else None,
        'own': None
        if own is None
        else {
            'cells': [[own[f'A{r}'].value, own[f'B{r}'].value] for r in range(1, 4)],
            'note': own['A1'].comment.text if own['A1'].comment else None,
            'fill': str(own['A1'].fill.fgColor.rgb)[-6:] if own['A1'].fill.fill_type else None,
        },
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == '__main__':
    if sys.argv[1] == 'type':
        type_values(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 0)
    elif sys.argv[1] == 'inspect':
        inspect(sys.argv[2])
    else:
        sys.exit(f'unknown command {sys.argv[1]}')
