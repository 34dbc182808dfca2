import { DocxReadError, readDocxGrid } from '../../src/readers/docx';
import { planFromGrid, parsePlanText } from '../../src/core/plan/parse';
import { seedNamed, seedText } from '../helpers/seeds';
import { seedAsDocx } from './fixtures';

describe('readDocxGrid (the pane’s .docx reader)', () => {
  it('reads seed 000 from a .docx as from text', async () => {
    const text = seedText(seedNamed('000'));
    const grid = await readDocxGrid(await seedAsDocx(text));
    const plan = planFromGrid(grid);
    const fromText = parsePlanText(text);
    expect(plan.tasks).toHaveLength(20);
    expect(plan.sections).toHaveLength(6);
    expect(plan.document.number).toBe('15/KH-UBND');
    expect(plan.tasks.map((t) => [t.id, t.lead, t.time.due])).toEqual(
      fromText.tasks.map((t) => [t.id, t.lead, t.time.due]),
    );
  });

  it('refuses what is not a .docx, with a reason', async () => {
    await expect(readDocxGrid(new TextEncoder().encode('plain text'))).rejects.toBeInstanceOf(
      DocxReadError,
    );
    const notWord = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expect(readDocxGrid(notWord)).rejects.toMatchObject({ code: 'unreadable' });
  });
});
