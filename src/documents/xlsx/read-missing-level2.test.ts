import { describe, expect, it } from 'vitest';
import { sampleProject, seedDocument } from '../../../test/targets-fixtures.ts';
import type { Indicator } from '../../domain/targets.ts';
import { readTargetsXlsx, writeTargetsXlsx } from './index.ts';

/* The Excel template: an empty 二级 with no row above of the same 一级 is kept empty and noted (decision 032). */

describe('readTargetsXlsx: an empty 二级 that repeats nothing', () => {
  it('imports the row with 二级 empty, notes its cell, and still carries 二级 down under the same 一级', async () => {
    const [quantity, satisfaction] = sampleProject('P-1').indicators as [Indicator, Indicator];
    const indicators: Indicator[] = [
      { ...quantity, level2: '' },
      { ...quantity, name: '示范单位', level2: '质量指标' },
      { ...satisfaction, level2: '' },
    ];
    const document = { ...seedDocument(), fiscalYear: 2020, projects: [sampleProject('P-1', { indicators })] };
    const { document: read, notes } = await readTargetsXlsx(await writeTargetsXlsx(document), { fileName: 't.xlsx' });
    expect(read.projects[0]!.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ['产出指标', ''],
      ['产出指标', '质量指标'],
      ['满意度指标', ''],
    ]);
    const missing = notes.filter((n) => n.code === 'level2-missing');
    expect(missing.map((n) => n.line)).toEqual([2, 4]);
    expect(missing[0]!.message).toContain('单元格 D2');
  });
});
