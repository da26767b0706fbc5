import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows, type CorpusDocument, type CellInput } from '../table.ts';

/**
 * 湖北 项目支出绩效目标表 (budget disclosure form): 项目名称 / 预算单位 on one row, the three amounts with their labels
 * across one row, "单位：万元" above the table, 三级指标 a label merged across two columns, and a 备注 column the
 * model does not have (kept as an extra). Placeholder rows (……, 其他, an empty row) are left in as offices leave
 * them. In Word the table runs over two pages: the 效益 rows follow a page break under the header row repeated.
 */
const indicators: IndicatorFacts[] = [
  { level1: '产出指标', level2: '数量指标', name: '空气自动监测站运维数量', target: '12个' },
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '重点企业现场检查次数',
    target: '≥240次',
    extras: { 备注: '按季度统计' },
  },
  { level1: '产出指标', level2: '质量指标', name: '监测数据有效率', target: '≥90%' },
  { level1: '产出指标', level2: '时效指标', name: '监测数据上报时限', target: '次月5日前' },
  { level1: '效益指标', level2: '生态效益指标', name: '细颗粒物年均浓度', target: '≤35微克/立方米' },
  { level1: '效益指标', level2: '社会效益指标', name: '空气质量优良天数比例', target: '≥85%' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '公众满意度', target: '≥80%' },
];

type Item = { level1: string; level2: string; cells: CellInput[] };
const row = (i: IndicatorFacts): Item => ({
  level1: i.level1,
  level2: i.level2,
  cells: [span(i.name, 2), i.target, i.extras?.['备注'] ?? ''],
});
const placeholder = (level1: string, level2: string, name: string): Item => ({
  level1,
  level2,
  cells: [span(name, 2), '', ''],
});

const items: Item[] = [
  ...indicators.slice(0, 4).map(row),
  placeholder('产出指标', '成本指标', '……'),
  ...indicators.slice(4, 6).map(row),
  placeholder('效益指标', '可持续影响指标', '……'),
  row(indicators[6]!),
  placeholder('其他', '', ''),
  placeholder('', '', ''),
];

const facts: Facts = {
  layout: 'hubei',
  kind: 'project-targets',
  unit: { name: '某市生态环境局', code: null },
  fiscalYear: 2024,
  projects: [
    {
      name: '重点区域大气污染防治',
      code: null,
      budget: { total: '862000.00', fiscal: '800000.00', other: '62000.00' },
      indicators,
    },
  ],
};

export const hubei: CorpusDocument = {
  id: 'hubei',
  facts,
  intro: ['某市生态环境局2024年部门预算项目绩效目标'],
  tables: [
    {
      above: ['2024年项目支出绩效目标表', '单位：万元'],
      rows: [
        ['项目名称', span('重点区域大气污染防治', 3), '预算单位', '某市生态环境局'],
        ['年度资金总额', '86.2', '其中：财政拨款', '80', '其他资金', '6.2'],
        ['年度目标', span('完成重点区域大气环境监测与执法检查，改善区域空气质量。', 5)],
        ['一级指标', '二级指标', span('三级指标', 2), '指标值', '备注'],
        ...treeRows(items),
      ],
      // After the 产出 rows and their placeholder (rows 4–8): the 效益 rows start page two.
      pageBreak: { afterRow: 8, repeat: [3] },
    },
  ],
  text: 'pipe',
  xlsx: {
    row: 2,
    column: 3,
    leadingSheet: { name: '填报说明', lines: ['本表金额单位为万元。', '指标值请填写具体数值。'] },
  },
  moneyUnit: '万元',
};
