import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows, type CorpusDocument } from '../table.ts';
import { indicator } from './common.ts';

/**
 * 安徽 项目支出绩效目标表: the 主管部门 cell holds "code-name" ("820001-…"), 项目类别 / 项目属性 cells the model has
 * no field for, 项目资金 in 千元 with its labels on one row and the amounts on the row below, and 三级指标 merged
 * across two columns. In Word the form sits inside a one-cell frame table (a nested table).
 */
const indicators: IndicatorFacts[] = [
  indicator('产出指标', '数量指标', '改造老旧小区户数', '≥1450户'),
  indicator('产出指标', '数量指标', '更新改造供水管网长度', '≥6.5公里'),
  indicator('产出指标', '质量指标', '工程竣工验收合格率', '100%'),
  indicator('产出指标', '时效指标', '项目完工时间', '2024年11月底前'),
  indicator('效益指标', '社会效益指标', '居民居住环境', '有效改善'),
  indicator('效益指标', '生态效益指标', '雨污分流覆盖小区比例', '≥80%'),
  indicator('满意度指标', '服务对象满意度指标', '小区居民满意度', '≥88%'),
];

const facts: Facts = {
  layout: 'anhui',
  kind: 'project-targets',
  unit: { name: '某区住房和城乡建设局', code: '820001' },
  projects: [
    {
      name: '老旧小区改造配套设施',
      code: null,
      budget: { total: '2350500.00', fiscal: '2000000.00', other: '350500.00' },
      indicators,
    },
  ],
};

export const anhui: CorpusDocument = {
  id: 'anhui',
  facts,
  intro: ['附件2'],
  tables: [
    {
      above: ['项目支出绩效目标表'],
      framed: true,
      rows: [
        ['项目名称', span('老旧小区改造配套设施', 4)],
        ['主管部门', '820001-某区住房和城乡建设局', '项目实施单位', span('某区住房和城乡建设局', 2)],
        ['项目类别', '专项业务类', '项目属性', span('经常性项目', 2)],
        [{ text: '项目资金（千元）', rowSpan: 2 }, '资金总额', '财政资金', span('其他资金', 2)],
        ['2350.5', '2000', span('350.5', 2)],
        ['总体目标', span('完成老旧小区供水、排水和道路配套改造，改善居民居住条件。', 4)],
        ['一级指标', '二级指标', span('三级指标', 2), '指标值'],
        ...treeRows(
          indicators.map((i) => ({ level1: i.level1, level2: i.level2, cells: [span(i.name, 2), i.target] })),
        ),
      ],
    },
  ],
  text: 'tab',
  xlsx: { row: 3, column: 2 },
  moneyUnit: '千元',
};
