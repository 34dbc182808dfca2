// The Excel double is a test tool: these tests check that it rejects what Excel rejects and
// behaves like Office.js where PhuLuc's bugs would hide.

import { ExcelDouble } from './index';
import type { XlRequestContext } from '../../src/render/office/excel-api';

type Batch<T> = (ctx: XlRequestContext) => Promise<T>;
const run = <T>(excel: ExcelDouble, batch: Batch<T>): Promise<T> => excel.run({}, batch);

async function error(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('load and sync', () => {
  test('a property read before load + sync throws PropertyNotLoaded', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.position).toThrow(/not available/);
      ws.load('name,position');
      expect(() => ws.position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(ws.position).toBe(0);
      expect(() => ws.tabColor).toThrow(/tabColor/);
    });
  });

  test('a sync that is not awaited has not run yet', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1', 'A1', [[5]]);
    await run(excel, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      const pending = ctx.sync();
      expect(() => r.values).toThrow(/not available/);
      await pending;
      expect(r.values).toEqual([[5]]);
    });
  });

  test('a value set by the add-in can be read back at once (client cache)', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    await run(excel, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [['x']];
      expect(r.values).toEqual([['x']]);
      await ctx.sync();
    });
    expect(excel.value('Sheet1!A1')).toBe('x');
  });

  test('isNullObject is known only after a sync', async () => {
    const excel = new ExcelDouble();
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => ws.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  test('every sync is counted, with its payload', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [['a', 'b']];
      await ctx.sync();
      await ctx.sync();
    });
    expect(excel.stats.syncs).toBe(2);
    expect(excel.stats.requests[0]!.requestBytes).toBeGreaterThan(
      excel.stats.requests[1]!.requestBytes,
    );
  });

  test('actions left unsynced when Excel.run ends are a bug', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Sheet1');
    const e = await error(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
      }),
    );
    expect(e.code).toBe('DoubleStrict');
  });
});

describe('what Excel rejects', () => {
  test.each([
    ['a 32-character name', 'x'.repeat(32), 'InvalidArgument'],
    ['a forbidden character', 'Kế hoạch 1/2', 'InvalidArgument'],
    ['a leading apostrophe', "'Tổng hợp", 'InvalidArgument'],
    ['the reserved History', 'history', 'InvalidArgument'],
    ['a duplicate ignoring case', 'nhiệm vụ', 'ItemAlreadyExists'],
    ['a blank name', '   ', 'InvalidArgument'],
  ])('a sheet name: %s', async (_what, name, code) => {
    const excel = new ExcelDouble();
    excel.addSheet('Nhiệm vụ');
    const e = await error(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe(code);
    expect(excel.sheetNames()).toEqual(['Nhiệm vụ']);
  });

  test('a 31-character name is fine', async () => {
    const excel = new ExcelDouble();
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.add('x'.repeat(31));
      await ctx.sync();
    });
    expect(excel.sheetNames()).toEqual(['x'.repeat(31)]);
  });

  test('the last visible sheet cannot be deleted or hidden', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    expect(
      (
        await error(
          run(excel, async (ctx) => {
            ctx.workbook.worksheets.getItem('A').delete();
            await ctx.sync();
          }),
        )
      ).code,
    ).toBe('InvalidOperation');
    expect(
      (
        await error(
          run(excel, async (ctx) => {
            ctx.workbook.worksheets.getItem('A').visibility = 'Hidden';
            await ctx.sync();
          }),
        )
      ).code,
    ).toBe('InvalidOperation');
  });

  test('a formula naming a missing sheet or table is refused', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    for (const f of ["='Không có'!A1", '=COUNTA(Bang1[Mã])', '=SUM(A1']) {
      const e = await error(
        run(excel, async (ctx) => {
          ctx.workbook.worksheets.getItem('A').getRange('B1').formulas = [[f]];
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
  });

  test('an array that does not fit the range is refused', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    const e = await error(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem('A').getRange('A1:B2').values = [['x', 'y']];
        await ctx.sync();
      }),
    );
    expect(e.message).toMatch(/doesn't match the size/);
  });

  test('data validation titles and messages have Excel’s limits', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    const e = await error(
      run(excel, async (ctx) => {
        const dv = ctx.workbook.worksheets.getItem('A').getRange('A1:A5').dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: 'a,b' } };
        dv.prompt = { showPrompt: true, title: 't'.repeat(33), message: 'm' };
        await ctx.sync();
      }),
    );
    expect(e.message).toMatch(/32 characters/);
    const e2 = await error(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem('A').getRange('B1:B5').dataValidation.rule = {
          list: { inCellDropDown: true, source: '=DsKhongCo' },
        };
        await ctx.sync();
      }),
    );
    expect(e2.message).toMatch(/cannot be found/);
    const e3 = await error(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem('A').getRange('C1:C5').dataValidation.rule = {
          date: { formula1: 36526 as unknown as string, operator: 'GreaterThan' },
        };
        await ctx.sync();
      }),
    );
    expect(e3.code).toBe('InvalidArgument');
  });

  test('a table cannot cover merged cells, and shares its namespace with names', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A', 'A1', [
      ['Mã', 'Tên'],
      ['1', 'x'],
    ]);
    excel.merge('A', 'A2:B2');
    expect(
      (
        await error(
          run(excel, async (ctx) => {
            ctx.workbook.worksheets.getItem('A').tables.add('A1:B2', true);
            await ctx.sync();
          }),
        )
      ).message,
    ).toMatch(/merged/);
    excel.addSheet('B', 'A1', [
      ['Mã', 'Tên'],
      ['1', 'x'],
    ]);
    excel.addName('Bang', "='B'!$A$1");
    expect(
      (
        await error(
          run(excel, async (ctx) => {
            const t = ctx.workbook.worksheets.getItem('B').tables.add('A1:B2', true);
            t.name = 'bang';
            await ctx.sync();
          }),
        )
      ).code,
    ).toBe('ItemAlreadyExists');
  });
});

describe('what Excel does to values', () => {
  test('text starting with - or = becomes a formula unless quoted; locale dates become dates', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1:A6').values = [
        ['- Chủ trì'],
        ["'- Chủ trì"],
        ['3/15/2024'],
        ['15/03/2024'],
        ['0123'],
        ["'0123"],
      ];
      await ctx.sync();
    });
    expect(excel.formula('A!A1')).toBe('=- Chủ trì');
    expect(excel.value('A!A2')).toBe('- Chủ trì');
    expect(excel.cell('A!A2')!.quotePrefix).toBe(true);
    expect(excel.value('A!A3')).toBe(45366);
    expect(excel.value('A!A4')).toBe('15/03/2024');
    expect(excel.value('A!A5')).toBe(123);
    expect(excel.value('A!A6')).toBe('0123');
    expect(excel.state.conversions.map((c) => c.cell)).toEqual(['A1', 'A3', 'A5']);
  });

  test('a 1×1 array is applied to a whole range; R1C1 formulas relative to each cell', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.getRange('C2:C4').formulasR1C1 = [['=RC[-2]*2+R1C1+SUM(C1:C2)']];
      ws.getRange('D2:E3').numberFormat = [['0%']];
      await ctx.sync();
    });
    expect(excel.cell('A!E3')!.numberFormat).toBe('0%');
    expect(excel.formula('A!C2')).toBe('=A2*2+$A$1+SUM($A:$B)');
    expect(excel.formula('A!C4')).toBe('=A4*2+$A$1+SUM($A:$B)');
  });

  test('renaming a sheet follows formulas and names; deleting it leaves #REF!', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Dữ liệu', 'A1', [[1]]);
    excel.addSheet('Tổng', 'A1', [[{ formula: "='Dữ liệu'!A1*2" }]]);
    excel.addName('Goc', "='Dữ liệu'!$A$1");
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.getItem('Dữ liệu').name = 'Cũ';
      await ctx.sync();
    });
    expect(excel.formula('Tổng!A1')).toBe("='Cũ'!A1*2");
    expect(excel.state.names[0]!.formula).toBe("='Cũ'!$A$1");
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.getItem('Cũ').delete();
      await ctx.sync();
    });
    expect(excel.formula('Tổng!A1')).toBe('=#REF!*2');
    expect(excel.state.names[0]!.formula).toBe('=#REF!');
  });

  test('conditional formats are added at the top priority', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    await run(excel, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('A').getRange('A1:A5');
      r.conditionalFormats.add('Custom').custom.rule.formula = '=A1=1';
      r.conditionalFormats.add('Custom').custom.rule.formula = '=A1=2';
      await ctx.sync();
    });
    expect(excel.sheet('A').conditionalFormats.map((c) => c.formula)).toEqual(['=A1=2', '=A1=1']);
  });
});

describe('merged areas', () => {
  test('areas whose top-left cell is in the range; null when none', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A', 'A1', [['a'], ['b']]);
    excel.merge('A', 'B2:B4');
    excel.merge('A', 'A1:C1');
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      const all = ws.getRange('A1:D10').getMergedAreasOrNullObject();
      all.load('address,areaCount');
      const inner = ws.getRange('B3:D10').getMergedAreasOrNullObject();
      inner.load('areaCount');
      await ctx.sync();
      expect(all.areaCount).toBe(2);
      // As documented: "Sheet1!A1:B4, Sheet1!D1:D4".
      expect(all.address).toBe('A!B2:B4, A!A1:C1');
      expect(inner.isNullObject).toBe(true);
    });
  });

  test('ExcelApi 1.13 is needed, and more than 512 areas fail', async () => {
    const old = new ExcelDouble({ api: '1.7' });
    old.addSheet('A');
    expect(
      (
        await error(
          run(old, async (ctx) => {
            ctx.workbook.worksheets
              .getItem('A')
              .getRange('A1:B2')
              .getMergedAreasOrNullObject()
              .load('areaCount');
            await ctx.sync();
          }),
        )
      ).code,
    ).toBe('ApiNotFound');
    const excel = new ExcelDouble();
    excel.addSheet('A');
    for (let i = 0; i < 513; i++) excel.merge('A', `A${2 * i + 1}:B${2 * i + 1}`);
    expect(
      (
        await error(
          run(excel, async (ctx) => {
            ctx.workbook.worksheets
              .getItem('A')
              .getRange('A1:B2000')
              .getMergedAreasOrNullObject()
              .load('areaCount');
            await ctx.sync();
          }),
        )
      ).message,
    ).toMatch(/512/);
  });
});

describe('batches, limits and faults', () => {
  test('a failing action stops the batch; what ran before it stays', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    const e = await error(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.add('B');
        ctx.workbook.worksheets.add('A');
        ctx.workbook.worksheets.add('C');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemAlreadyExists');
    expect(excel.sheetNames()).toEqual(['A', 'B']);
  });

  test('a request over the size limit is refused whole', async () => {
    const excel = new ExcelDouble({ requestBytes: 10_000 });
    excel.addSheet('A');
    const e = await error(
      run(excel, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('A');
        ws.getRange('A1').values = [['small']];
        ws.getRange('A2:A1001').values = Array.from({ length: 1000 }, () => ['0123456789']);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.value('A!A1')).toBeNull();
  });

  test('an injected fault fails one sync after some actions', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A');
    excel.failNextSync(1, { afterActions: 1 });
    await expect(
      run(excel, async (ctx) => {
        ctx.workbook.worksheets.add('B');
        ctx.workbook.worksheets.add('C');
        await ctx.sync();
      }),
    ).rejects.toThrow(/Injected/);
    expect(excel.sheetNames()).toEqual(['A', 'B']);
    // One-shot: the next sync works.
    await run(excel, async (ctx) => {
      ctx.workbook.worksheets.add('C');
      await ctx.sync();
    });
    expect(excel.sheetNames()).toEqual(['A', 'B', 'C']);
  });

  test('an API above the host’s requirement set fails with ApiNotFound', async () => {
    const excel = new ExcelDouble({ api: '1.7' });
    excel.addSheet('A');
    expect(excel.isSetSupported('1.7')).toBe(true);
    expect(excel.isSetSupported('1.8')).toBe(false);
    const e = await error(
      run(excel, async (ctx) => {
        ctx.runtime.enableEvents = false;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });

  test('mergeUndoGroup makes one undo step where the host supports it', async () => {
    for (const [api, steps] of [
      ['1.20', 1],
      ['1.17', 2],
    ] as const) {
      const excel = new ExcelDouble({ api });
      excel.addSheet('A');
      await excel.run({ mergeUndoGroup: true }, async (ctx) => {
        ctx.workbook.worksheets.add('B');
        await ctx.sync();
        ctx.workbook.worksheets.add('C');
        await ctx.sync();
      });
      expect(excel.stats.undoSteps).toBe(steps);
    }
  });

  test('reading values of an error cell gives the error text, with type Error', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('A', 'A1', [[{ error: '#REF!' }, 45366]]);
    excel.setCells('A', 'B1', [[{ value: 45366, numberFormat: 'dd/mm/yyyy' }]]);
    await run(excel, async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem('A')
        .getRange('A1:B1')
        .load('values,text,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['#REF!', 45366]]);
      expect(r.valueTypes).toEqual([['Error', 'Double']]);
      expect(r.text).toEqual([['#REF!', '15/03/2024']]);
    });
  });
});

describe('what rebuilds read (ExcelApi 1.9–1.18)', () => {
  test('notes: one per cell, found again by their cell; ExcelApi 1.18', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('S');
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.notes.add(ws.getRange('B3'), 'Hỏi lại');
      await ctx.sync();
      const notes = ws.notes.load('items/content');
      await ctx.sync();
      expect(notes.items.map((n) => n.content)).toEqual(['Hỏi lại']);
      const at = notes.items[0]!.getLocation().load('address');
      await ctx.sync();
      expect(at.address).toBe('S!B3');
      ws.notes.add(ws.getRange('B3'), 'Lần hai');
      expect((await error(ctx.sync())).code).toBe('InvalidOperation');
      ws.notes.add(ws.getRange('B3:B4'), 'Hai ô');
      expect((await error(ctx.sync())).code).toBe('InvalidArgument');
    });
    const old = new ExcelDouble({ api: '1.17' });
    old.addSheet('S');
    await run(old, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').notes.load('items/content');
      expect((await error(ctx.sync())).code).toBe('ApiNotFound');
    });
  });

  test('getCellProperties gives each cell’s fill, white for none, after the sync', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('S', 'A1', [['x', 'y']]);
    excel.state.ensureCell(excel.sheet('S'), 0, 1).format.fill = '#FFC000';
    await run(excel, async (ctx) => {
      const props = ctx.workbook.worksheets
        .getItem('S')
        .getRange('A1:B1')
        .getCellProperties({ format: { fill: { color: true } } });
      expect(() => props.value).toThrow(/not available/);
      await ctx.sync();
      expect(props.value).toEqual([
        [{ format: { fill: { color: '#FFFFFF' } } }, { format: { fill: { color: '#FFC000' } } }],
      ]);
    });
  });

  test('special cells: validations as a union of areas; a range of several rules is Inconsistent', async () => {
    const excel = new ExcelDouble();
    const s = excel.addSheet('S');
    s.validations.push(
      {
        rect: { r0: 0, c0: 0, r1: 4, c1: 0 },
        rule: { list: { source: 'a,b' } },
        ignoreBlanks: true,
      },
      { rect: { r0: 0, c0: 1, r1: 4, c1: 1 }, rule: { list: { source: 'c' } }, ignoreBlanks: true },
      {
        rect: { r0: 9, c0: 0, r1: 9, c1: 0 },
        rule: { list: { source: 'a,b' } },
        ignoreBlanks: true,
      },
    );
    await run(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const areas = ws.getRange().getSpecialCellsOrNullObject('DataValidations').load('address');
      const both = ws.getRange('A1:B5').dataValidation.load('type,rule');
      const one = ws.getRange('B1:B5').dataValidation.load('type,rule');
      const some = ws.getRange('A9:A10').dataValidation.load('type');
      const none = ws.getRange('D1').getSpecialCellsOrNullObject('DataValidations');
      await ctx.sync();
      expect(areas.address).toBe('S!A1:B5, S!A10');
      expect(both.type).toBe('Inconsistent');
      expect(one.type).toBe('List');
      expect(one.rule).toEqual({ list: { source: 'c' } });
      expect(some.type).toBe('MixedCriteria');
      expect(none.isNullObject).toBe(true);
    });
  });

  test('a loaded object is a copy: later changes in the workbook do not reach it', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('Data');
    const s = excel.addSheet('S');
    s.validations.push({
      rect: { r0: 0, c0: 0, r1: 0, c1: 0 },
      rule: { list: { source: '=Data!$A$1:$A$3' } },
      ignoreBlanks: true,
    });
    await run(excel, async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('S').getRange('A1').dataValidation.load('rule');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').name = 'Số liệu';
      await ctx.sync();
      expect(dv.rule).toEqual({ list: { source: '=Data!$A$1:$A$3' } });
    });
    expect((s.validations[0]!.rule!['list'] as { source: string }).source).toBe(
      "='Số liệu'!$A$1:$A$3",
    );
  });
});
