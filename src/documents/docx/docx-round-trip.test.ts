import { describe, expect, it } from 'vitest';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson } from '../../../test/seed-text.ts';
import { readTargetsDocx, writeTargetsDocx } from './index.ts';

const seed = (): TargetsDocument => fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument;

describe('seed → .docx → readTargetsDocx', () => {
  it('gives back the same document, field by field, with the year the cover states', async () => {
    const document = { ...seed(), fiscalYear: 2020 };
    const read = await readTargetsDocx(await writeTargetsDocx(document), { fileName: 'seed.docx' });
    expect(read.document.unit).toEqual(document.unit);
    expect(read.document.fiscalYear).toBe(2020);
    expect(read.document.overall).toEqual(document.overall);
    read.document.projects.forEach((project, i) => expect(project).toEqual(document.projects[i]));
    expect(read.document).toStrictEqual(document);
  });

  it('notes only the seed’s own gap (a target without a number): merged 一级/二级 cells are Word merges, not gaps', async () => {
    const read = await readTargetsDocx(await writeTargetsDocx({ ...seed(), fiscalYear: 2020 }), {
      fileName: 'seed.docx',
    });
    expect(read.notes.map((n) => n.code)).toEqual(['target-missing-number']);
    expect(read.notes[0]?.place).toMatch(/^表 \d+，第 \d+ 行，第 \d+ 列$/);
  });

  it('leaves the year out when the document has none, and takes the caller’s', async () => {
    const bytes = await writeTargetsDocx(seed());
    expect((await readTargetsDocx(bytes, { fileName: 'a.docx' })).document).toStrictEqual(seed());
    expect((await readTargetsDocx(bytes, { fileName: 'a.docx', fiscalYear: 2021 })).document.fiscalYear).toBe(2021);
  });

  it('keeps multi-line texts, empty amounts and odd numbers of checkpoints', async () => {
    const base = seed();
    const project = base.projects[0]!;
    const document: TargetsDocument = {
      ...base,
      projects: [
        {
          ...project,
          purpose: '第一段用途\n第二段用途',
          budget: { total: '1234567.89', fiscal: '1234567.89', other: null },
          spendingPlan: [
            { month: 4, cumulativePercent: 10 },
            { month: 8, cumulativePercent: null },
            { month: 12, cumulativePercent: 99.5 },
            { month: 5, cumulativePercent: 12.25 },
            { month: 10, cumulativePercent: 80 },
          ],
          goals: ['第一个目标', '第二个目标：3.5万人'],
        },
      ],
    };
    const read = await readTargetsDocx(await writeTargetsDocx(document), { fileName: 'b.docx' });
    expect(read.document.projects).toEqual(document.projects);
  });
});
