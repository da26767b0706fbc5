import { describe, expect, it } from 'vitest';
import { categoryOfLevel1 } from '../../domain/indicator-category.ts';
import { reviewTargets } from '../../domain/review/index.ts';
import { parseTargetValue } from '../../domain/target-value.ts';
import type { Indicator, TargetsDocument } from '../../domain/targets.ts';
import { handTypedBody, packageDocx } from './hand-typed.fixture.ts';
import { readTargetsDocx } from './index.ts';

/*
 * A .docx typed in Word where an indicator row has 一级 and 三级 but an empty 二级 cell that is not a vertical
 * merge: the file imports and the review points at the row (decision 032). Our own made-up project.
 */

const indicator = (level1: string, level2: string, name: string, target: string): Indicator => ({
  level1,
  level2,
  name,
  description: '',
  target: parseTargetValue(target),
  basis: '计划标准',
  category: categoryOfLevel1(level1),
});

const document: TargetsDocument = {
  format: 'jixiao/targets@1',
  unit: { code: '705001', name: '某区农业农村局' },
  fiscalYear: 2026,
  overall: { goals: [], measures: [] },
  projects: [
    {
      code: '705-0213-JBN-NJ01',
      name: '农机操作培训',
      budget: { total: '90000.00', fiscal: '90000.00', other: null },
      purpose: '举办农机操作培训班',
      spendingPlan: [
        { month: 6, cumulativePercent: 60 },
        { month: 12, cumulativePercent: 100 },
      ],
      goals: ['培训农机手，提高农机操作水平'],
      indicators: [
        // First row: no row above to inherit from.
        indicator('产出指标', '', '培训人数', '≥300人'),
        indicator('产出指标', '质量指标', '考核合格率', '≥90%'),
        // A new 一级 (written in its own cell) with an empty 二级: the 质量指标 above is not carried across.
        indicator('效益指标', '', '农机作业效率提升', '≥10%'),
        indicator('满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'),
      ],
    },
  ],
};

describe('readTargetsDocx: an empty 二级 cell that is not a merge', () => {
  it('imports the rows with 二级 empty, notes each by its cell, and the review finds them', async () => {
    const { document: read, notes } = await readTargetsDocx(await packageDocx(handTypedBody(document)), {
      fileName: '农机.docx',
    });
    expect(read.projects[0]!.indicators.map((i) => [i.level1, i.level2, i.category])).toEqual([
      ['产出指标', '', 'output'],
      ['产出指标', '质量指标', 'output'],
      ['效益指标', '', 'benefit'],
      ['满意度指标', '服务对象满意度指标', 'satisfaction'],
    ]);
    const missing = notes.filter((n) => n.code === 'level2-missing');
    expect(missing.map((n) => n.place)).toEqual([
      expect.stringMatching(/，第 2 列$/),
      expect.stringMatching(/，第 2 列$/),
    ]);
    const findings = reviewTargets(read).findings.filter((f) => f.rule === 'completeness.indicator-fields');
    expect(findings.map((f) => [f.project, f.path, f.severity])).toEqual([
      ['705-0213-JBN-NJ01', ['indicators', 0, 'level2'], 'error'],
      ['705-0213-JBN-NJ01', ['indicators', 2, 'level2'], 'error'],
    ]);
  });
});
