import { describe, expect, it } from 'vitest';
import { reviewTargets } from '../../domain/review/index.ts';
import { TargetsDocumentSchema } from '../../contract/targets.ts';
import { documentText, lineOf, table } from '../../../test/seed-text.ts';
import { readSeedText } from './read-seed-text.ts';

/*
 * A 二级 cell the unit left empty (not a merge) is a finding on that row, not a refused file (guide §4 rule 2,
 * decision 032). Our own made-up project, in the seed's layout.
 */

const INDICATORS = [
  ['产出指标', '', '巡查河道长度', '全年巡查的河道里程', '≥120公里', '计划标准'],
  ['产出指标', '时效指标', '巡查完成时间', '年底前完成', '12月底前', '计划标准'],
  ['效益指标', '', '河道保洁率', '保洁达标河段占比', '≥95%', '行业标准'],
  ['', '', '群众投诉次数', '全年有效投诉', '≤5次', '历史标准'],
  ['满意度指标', '服务对象满意度指标', '沿河居民满意度', '抽样调查', '≥90%', '行业标准'],
];

function readOne() {
  const text = documentText([], [table({ code: 'P-HD01', name: '河道巡查保洁', indicators: INDICATORS })]);
  return { text, ...readSeedText(text, { fileName: '河道.txt' }) };
}

describe('readSeedText: an empty 二级 that is not a merged cell', () => {
  it('imports the row with 二级 empty (first row, and under a new 一级), its category from 一级, with a note', () => {
    const { text, document, notes } = readOne();
    const rows = document.projects[0]!.indicators.map((i) => [i.level1, i.level2, i.category]);
    expect(rows).toEqual([
      ['产出指标', '', 'output'],
      ['产出指标', '时效指标', 'output'],
      ['效益指标', '', 'benefit'],
      // Same 一级 (merged) and empty 二级 right after: a continuation of the row above, as before.
      ['效益指标', '', 'benefit'],
      ['满意度指标', '服务对象满意度指标', 'satisfaction'],
    ]);
    const missing = notes.filter((n) => n.code === 'level2-missing');
    expect(missing.map((n) => n.line)).toEqual([lineOf(text, '\t巡查河道长度') - 1, lineOf(text, '\t河道保洁率') - 1]);
    expect(missing[0]!.message).toBe('二级指标为空，已按未填写导入，审核将指出该行');
    expect(TargetsDocumentSchema.safeParse(document).success).toBe(true);
  });

  it('still carries an empty 二级 down under the same 一级 right after a filled one', () => {
    const { document, notes } = readOne();
    expect(document.projects[0]!.indicators[1]!.level2).toBe('时效指标');
    expect(notes.filter((n) => n.code === 'merged-cell-filled')).toHaveLength(2);
  });

  it('the review reports the missing 二级 on each row, as an error under 完整性', () => {
    const { document } = readOne();
    const findings = reviewTargets(document).findings.filter(
      (f) => f.rule === 'completeness.indicator-fields' && f.path[2] === 'level2',
    );
    expect(findings.map((f) => [f.project, f.path, f.severity, f.criterion])).toEqual([
      ['P-HD01', ['indicators', 0, 'level2'], 'error', '完整性'],
      ['P-HD01', ['indicators', 2, 'level2'], 'error', '完整性'],
      ['P-HD01', ['indicators', 3, 'level2'], 'error', '完整性'],
    ]);
    expect(findings[0]!.message).toBe('第1个指标“巡查河道长度”未填写二级指标');
  });
});
