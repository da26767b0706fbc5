import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows } from '../table.ts';
import { type HoldoutDocument, target } from './common.ts';

/**
 * A workbook whose first sheet is 填报说明 (instructions that name the form's labels), the form on the second sheet
 * from F10; its text as WPS copies it, every row with empty cells after the table's last column. Labels in the
 * words other provinces use: 专项名称, 项目单位, 资金总额（万元）, 其中：一般公共预算拨款, 其他来源资金, 绩效目标,
 * 指标值（包含数字及文字描述）.
 */
const indicators: IndicatorFacts[] = [
  target('产出指标', '数量指标', '改造老旧小区数量', '6个'),
  target('产出指标', '数量指标', '加装电梯部数', '≥15部'),
  target('产出指标', '质量指标', '竣工验收合格率', '100%'),
  target('效益指标', '社会效益指标', '惠及居民户数', '≥1100户'),
  target('满意度指标', '服务对象满意度指标', '居民满意度', '≥88%'),
];

const facts: Facts = {
  layout: 'central',
  kind: 'project-targets',
  unit: { name: '某区住房和城乡建设局', code: null },
  fiscalYear: 2024,
  projects: [
    {
      name: '老旧小区改造配套',
      code: null,
      budget: { total: '8760000.00', fiscal: '8000000.00', other: '760000.00' },
      indicators,
    },
  ],
};

export const sheetF10: HoldoutDocument = {
  id: 'h-sheet-f10',
  facts,
  intro: [],
  tables: [
    {
      above: ['2024年度专项资金绩效目标表'],
      sheet: '附表1',
      rows: [
        ['专项名称', span('老旧小区改造配套', 4)],
        ['主管部门', span('某区住房和城乡建设局', 4)],
        ['项目单位', span('某区住房和城乡建设局', 4)],
        [{ text: '资金情况', rowSpan: 2 }, '资金总额（万元）', '其中：一般公共预算拨款', span('其他来源资金', 2)],
        ['876', '800', span('76', 2)],
        ['绩效目标', span('完成6个老旧小区配套设施改造，改善居住条件。', 4)],
        ['一级指标', '二级指标', '三级指标', span('指标值（包含数字及文字描述）', 2)],
        ...treeRows(
          indicators.map((i) => ({ level1: i.level1, level2: i.level2, cells: [i.name, span(i.target, 2)] })),
        ),
      ],
    },
  ],
  text: 'tab',
  textTrailing: 3,
  xlsx: {
    row: 10,
    column: 6,
    leadingSheet: {
      name: '填报说明',
      lines: [
        '填报说明',
        '1. 专项名称：按预算批复的名称填写。',
        '2. 资金总额：填写年度预算安排的资金，单位为万元。',
        '3. 三级指标和指标值应细化量化，可衡量。',
      ],
    },
  },
  moneyUnit: '万元',
};
