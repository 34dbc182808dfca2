"""The units' side of issue 13, done by another program (openpyxl), as a unit or an office would.

    fill SRC DST EDITS.json
        EDITS.json: {"<Mã>": {"<header>": value}}, value a string, a number or
        {"date": "YYYY-MM-DD"}. Types the values into the unit file's rows (header row: "Mã" in
        column A) or into a tracker's "Nhiệm vụ" (header row: "Mã" and "Trạng thái").
    addrow SRC DST       a row typed under the last row of a unit file (no Mã)
    delrow SRC DST MÃ    the row of that Mã deleted from a unit file
    setcode SRC DST MÃ NEW   that Mã edited
    own SRC DST          an own sheet with a formula reading 'Nhiệm vụ', an own name and a note
    inspect FILE         JSON: sheets, names, the task list by Mã, Lịch sử rows, the own sheet
"""

import datetime
import json
import sys

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

OWN = 'Sổ riêng'


def sheet_and_header(wb):
    if 'Nhiệm vụ' in wb.sheetnames:
        ws = wb['Nhiệm vụ']
        for r in range(1, 40):
            texts = [c.value for c in ws[r]]
            if 'Mã' in texts and 'Trạng thái' in texts:
                return ws, r
    ws = wb.worksheets[0]
    for r in range(1, 30):
        if ws.cell(r, 1).value == 'Mã':
            return ws, r
    raise SystemExit('no header row')


def rows_by_code(ws, hr):
    out = {}
    for r in range(hr + 1, ws.max_row + 1):
        v = ws.cell(r, 1).value
        if v is not None and v != '':
            out[str(v)] = r
    return out


def plain(v):
    if isinstance(v, datetime.datetime):
        return {'date': v.strftime('%Y-%m-%d')}
    return v


def fill(src, dst, edits_path):
    wb = load_workbook(src)
    ws, hr = sheet_and_header(wb)
    cols = {c.value: c.column for c in ws[hr] if isinstance(c.value, str)}
    rows = rows_by_code(ws, hr)
    with open(edits_path, encoding='utf8') as f:
        edits = json.load(f)
    for code, cells in edits.items():
        for header, value in cells.items():
            cell = ws.cell(rows[code], cols[header])
            if isinstance(value, dict) and 'date' in value:
                cell.value = datetime.datetime.strptime(value['date'], '%Y-%m-%d')
                cell.number_format = 'dd/mm/yyyy'
            else:
                cell.value = value
    wb.save(dst)


def structure(cmd, src, dst, args):
    wb = load_workbook(src)
    ws, hr = sheet_and_header(wb)
    rows = rows_by_code(ws, hr)
    if cmd == 'addrow':
        r = max(rows.values()) + 1
        ws.cell(r, 3).value = 'Việc đơn vị tự thêm'
        ws.cell(r, 8).value = 'Hoàn thành'
    elif cmd == 'delrow':
        ws.delete_rows(rows[args[0]])
    elif cmd == 'setcode':
        ws.cell(rows[args[0]], 1).value = args[1]
    wb.save(dst)


def own(src, dst):
    wb = load_workbook(src)
    ws = wb.create_sheet(OWN)
    ws['A1'] = 'Ghi chép riêng của văn phòng'
    ws['A2'] = "=COUNTA('Nhiệm vụ'!A:A)"
    ws['A1'].comment = Comment('Ghi chú riêng', 'Văn phòng')
    defined = DefinedName('SoRieng', attr_text=f"'{OWN}'!$A$1")
    if hasattr(wb.defined_names, 'append'):
        wb.defined_names.append(defined)
    else:
        wb.defined_names['SoRieng'] = defined
    wb.save(dst)


def inspect(path):
    wb = load_workbook(path)
    ws, hr = sheet_and_header(wb)
    headers = [c.value for c in ws[hr]]
    tasks = {}
    for code, r in rows_by_code(ws, hr).items():
        tasks[code] = {h: plain(ws.cell(r, i + 1).value) for i, h in enumerate(headers) if h}
    history = []
    if 'Lịch sử' in wb.sheetnames:
        hs = wb['Lịch sử']
        head = [c.value for c in hs[4]]
        for r in range(5, hs.max_row + 1):
            row = {h: hs.cell(r, i + 1).value for i, h in enumerate(head) if h}
            if row.get('Việc'):
                history.append(row)
    own_sheet = None
    if OWN in wb.sheetnames:
        o = wb[OWN]
        own_sheet = {
            'A1': o['A1'].value,
            'A2': o['A2'].value,
            'note': o['A1'].comment.text if o['A1'].comment else None,
        }
    names = {}
    try:
        items = list(wb.defined_names.items())
    except AttributeError:
        items = [(d.name, d) for d in wb.defined_names.definedName]
    for name, d in items:
        names[name] = d.attr_text
    print(json.dumps({'sheets': wb.sheetnames, 'names': names, 'tasks': tasks,
                      'history': history, 'own': own_sheet}, ensure_ascii=False, default=str))


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'fill':
        fill(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd in ('addrow', 'delrow', 'setcode'):
        structure(cmd, sys.argv[2], sys.argv[3], sys.argv[4:])
    elif cmd == 'own':
        own(sys.argv[2], sys.argv[3])
    elif cmd == 'inspect':
        inspect(sys.argv[2])
    else:
        sys.exit(f'unknown command {cmd}')
