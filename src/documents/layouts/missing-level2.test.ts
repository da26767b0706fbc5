import { describe, expect, it } from 'vitest';
import { file, grid } from './layouts.fixture.ts';
import { readTables } from './read-tables.ts';

/* An empty 二级 cell of its own (not a merge) with no 二级 to carry from under its 一级: kept empty, noted (decision 032). */

describe('readTables: an empty 二级 that is not a merged cell', () => {
  it('keeps the row with 二级 empty (first row, and under a new 一级) and notes its cell', () => {
    const table = grid([
      ['712004某县文化馆', '<', '<', '单位：元', '<', '<'],
      ['项目编码', '712-0801-JBN-WH01', '<', '项目名称', '送戏下乡', '<'],
      ['预算规模及资金用途', '预算数', '60000.00', '其中：财政资金', '60000.00', '其他资金'],
      ['^', '组织送戏下乡演出', '<', '<', '<', '<'],
      ['绩效目标', '1、全年送戏下乡演出', '<', '<', '<', '<'],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
      ['产出指标', '', '演出场次', '全年演出场次', '≥24场', '计划标准'],
      ['^', '时效指标', '演出完成时间', '年底前', '12月底前', '计划标准'],
      ['^', '', '演出覆盖村数', '覆盖的行政村', '≥20个', '计划标准'],
      ['效益指标', '', '观众人次', '现场观众', '≥5000人次', '历史标准'],
    ]);
    const reading = readTables(file([table]));
    const indicators = reading.targets!.projects[0]!.indicators;
    expect(indicators.map((i) => [i.level1, i.level2, i.category])).toEqual([
      ['产出指标', '', 'output'],
      ['产出指标', '时效指标', 'output'],
      // Same 一级 (merged), empty 二级 right after a filled one: a continuation, as before.
      ['产出指标', '时效指标', 'output'],
      ['效益指标', '', 'benefit'],
    ]);
    const missing = reading.notes.filter((n) => n.code === 'level2-missing');
    expect(missing.map((n) => n.message)).toEqual([
      expect.stringMatching(/第 7 行.*二级指标为空，已按未填写导入，审核将指出该行$/),
      expect.stringMatching(/第 10 行.*二级指标为空/),
    ]);
  });
});
