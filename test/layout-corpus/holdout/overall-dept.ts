import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows } from '../table.ts';
import type { HoldoutDocument } from './common.ts';
import { target } from './common.ts';

/**
 * A 部门整体支出绩效目标表: 部门名称, 年度主要任务 rows (任务名称 | 主要内容 | 预算金额) before the department's own
 * 金额合计 / 财政拨款 / 其他资金, 年度总体目标, then 年度绩效指标 with 一级 written "产出指标（40分）".
 */
const indicators: IndicatorFacts[] = [
  target('产出指标', '数量指标', '公共文化活动场次', '≥120场'),
  target('产出指标', '质量指标', '文物安全事故发生次数', '0次'),
  target('效益指标', '社会效益指标', '公共文化设施年接待人次', '≥25万人次'),
  target('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'),
];
const points: Record<string, string> = { 产出指标: '40分', 效益指标: '30分', 满意度指标: '10分' };

const facts: Facts = {
  layout: 'overall-targets',
  kind: 'overall-targets',
  unit: { name: '某县文化和旅游局', code: null },
  fiscalYear: 2024,
  projects: [],
  overall: { budget: { total: '5230000.00', fiscal: '5000000.00', other: '230000.00' }, indicators },
};

export const overallDept: HoldoutDocument = {
  id: 'h-overall-dept',
  facts,
  intro: ['2024年度部门整体支出绩效目标表'],
  tables: [
    {
      above: ['单位：万元'],
      sheet: '整体',
      rows: [
        ['部门名称', span('某县文化和旅游局', 4)],
        [{ text: '年度主要任务', rowSpan: 3 }, '任务名称', span('主要内容', 2), '预算金额'],
        ['公共文化服务', span('组织群众文化活动，免费开放文化场馆。', 2), '310'],
        ['文物保护', span('开展文物巡查和安全防护。', 2), '213'],
        [{ text: '年度部门预算', rowSpan: 3 }, '金额合计', span('523', 3)],
        ['其中：财政拨款', span('500', 3)],
        ['其他资金', span('23', 3)],
        ['年度总体目标', span('完善公共文化服务体系，确保文物安全。', 4)],
        [{ text: '年度绩效指标', rowSpan: indicators.length + 1 }, '一级指标', '二级指标', '三级指标', '指标值'],
        ...treeRows(
          indicators.map((i) => ({
            level1: `${i.level1}（${points[i.level1]!}）`,
            level2: i.level2,
            cells: [i.name, i.target],
          })),
        ),
      ],
    },
  ],
  text: 'tab',
  xlsx: { row: 2, column: 2 },
  moneyUnit: '万元',
};
