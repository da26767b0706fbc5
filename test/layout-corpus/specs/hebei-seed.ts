import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows, type CorpusDocument } from '../table.ts';

/**
 * The seed's layout (河北, guide §7): per project a table headed by the unit line "code+name … 单位：元", 项目编码 /
 * 项目名称, 预算规模及资金用途 (预算数, 其中：财政资金, 其他资金, then the purpose), 资金支出计划（%） by month,
 * 绩效目标, then the nested indicator tree — 一级 merged over 二级 merged over 三级 — with 绩效指标描述, 指标值 and
 * 指标值确定依据. Structure only; every value is this corpus's own.
 */
const indicators: (IndicatorFacts & { description: string; basis: string })[] = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '培训职工人数',
    description: '全年组织职业技能培训的职工人数',
    target: '≥300人',
    basis: '计划标准',
  },
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '培训班期数',
    description: '全年举办培训班的期数',
    target: '≥6期',
    basis: '计划标准',
  },
  {
    level1: '产出指标',
    level2: '质量指标',
    name: '培训考核合格率',
    description: '考核合格人数占参训人数的比例',
    target: '≥90%',
    basis: '行业标准',
  },
  {
    level1: '效果指标',
    level2: '社会效益指标',
    name: '参训职工技能等级提升',
    description: '参训职工取得更高等级证书的情况',
    target: '效果明显',
    basis: '其他',
  },
  {
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '参训职工满意度',
    description: '满意人数占调查人数的比例',
    target: '≥95%',
    basis: '历史标准',
  },
];

const facts: Facts = {
  layout: 'hebei-seed',
  kind: 'project-targets',
  unit: { name: '某县总工会', code: '712003' },
  projects: [
    {
      name: '职工技能培训补助',
      code: '712-0701-JBN-AB12',
      budget: { total: '36000.00', fiscal: '36000.00', other: null },
      indicators: indicators.map(({ description: _d, basis: _b, ...rest }) => rest),
    },
  ],
};

export const hebeiSeed: CorpusDocument = {
  id: 'hebei-seed',
  facts,
  intro: ['第二部分', '预算项目绩效目标'],
  tables: [
    {
      above: ['1、职工技能培训补助绩效目标表'],
      rows: [
        [span('712003某县总工会', 9), span('单位：元', 4)],
        ['项目编码', span('712-0701-JBN-AB12', 4), span('项目名称', 2), span('职工技能培训补助', 6)],
        [
          { text: '预算规模及资金用途', rowSpan: 2 },
          span('预算数', 2),
          span('36000.00', 2),
          span('其中：财政资金', 2),
          span('36000.00', 2),
          span('其他资金', 2),
          span('', 2),
        ],
        [span('职工职业技能培训的场地、教材和师资补助', 12)],
        [
          { text: '资金支出计划（%）', rowSpan: 2 },
          span('3月底', 3),
          span('6月底', 3),
          span('10月底', 3),
          span('12月底', 3),
        ],
        [span('', 3), span('40.00', 3), span('70.00', 3), span('100.00', 3)],
        ['绩效目标', span('1、开展职工职业技能培训，提升职工技能水平', 12)],
        [
          '一级指标',
          span('二级指标', 2),
          span('三级指标', 2),
          span('绩效指标描述', 4),
          span('指标值', 2),
          span('指标值确定依据', 2),
        ],
        ...treeRows(
          indicators.map((i) => ({
            level1: i.level1,
            level2: i.level2,
            cells: [span(i.name, 2), span(i.description, 4), span(i.target, 2), span(i.basis, 2)],
          })),
          2,
        ),
      ],
    },
  ],
  text: 'lines',
  xlsx: { row: 1, column: 1 },
  moneyUnit: '元',
};
