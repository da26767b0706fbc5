import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows, type CellInput, type CorpusDocument } from '../table.ts';

/**
 * A 项目支出绩效自评表 as counties print it: 全年预算数（A） / 全年执行数（B） / 执行率（B/A） with 上年结转 among the
 * money rows, 年度总体目标 split into 预期目标 | 实际完成情况, an 指标内容 column, 一级 written "产出指标（50分）" and
 * 二级 "数量指标（20分）" (the part's score in brackets), "总分 | 100 | 92.5" and 自评等级 "优" at the foot.
 */
const ev = (
  level1: string,
  level2: string,
  name: string,
  value: string,
  actual: string,
  weight: string,
  score: string,
  deviationReason = '',
): IndicatorFacts => ({
  level1,
  level2,
  name,
  target: value,
  actual,
  weight,
  score,
  ...(deviationReason ? { deviationReason } : {}),
});

const indicators: IndicatorFacts[] = [
  ev('产出指标', '数量指标', '培训农民人数', '≥800人', '836人', '20', '20'),
  ev('产出指标', '质量指标', '培训考核合格率', '≥90%', '88%', '15', '13.5', '部分学员缺考，已安排补考'),
  ev('产出指标', '时效指标', '培训完成时间', '2023年11月底前', '2023年11月', '15', '15'),
  ev('效益指标', '社会效益指标', '学员就业创业率', '≥60%', '55%', '30', '27.5', '受市场行情影响'),
  ev('满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', '10', '10'),
];

const label = (i: IndicatorFacts, part: string): string => `${i.level1}（${part}）`;
const levels: Record<string, string> = { 产出指标: '50分', 效益指标: '30分', 满意度指标: '10分' };
const level2Points: Record<string, string> = {
  数量指标: '20分',
  质量指标: '15分',
  时效指标: '15分',
  社会效益指标: '30分',
  服务对象满意度指标: '10分',
};

const money = (name: string, cells: string[], weight: string, score: string): CellInput[] => [
  span(name, 2),
  ...cells.slice(0, 3),
  weight,
  cells[3]!,
  score,
];

const facts: Facts = {
  layout: 'project-evaluation',
  kind: 'project-evaluation',
  // The unit is the 实施单位 (the budget unit that carries the project out); the 主管部门 is who reviews it.
  unit: { name: '某县农业技术推广中心', code: null },
  fiscalYear: 2023,
  projects: [
    {
      name: '高素质农民培育',
      code: null,
      execution: {
        planned: '600000.00',
        adjusted: '640000.00',
        executed: '608000.00',
        rate: '95.00%',
        weight: '10',
        score: '9.5',
        fiscal: { planned: '500000.00', adjusted: '520000.00', executed: '494000.00', rate: '95.00%' },
      },
      indicators,
      totalScore: '92.5',
      grade: '优',
    },
  ],
};

export const evaluationLetters: CorpusDocument = {
  id: 'h-evaluation-letters',
  facts,
  intro: ['2023年度项目支出绩效自评表'],
  tables: [
    {
      above: ['单位：万元'],
      sheet: '自评表',
      rows: [
        ['项目名称', span('高素质农民培育', 9)],
        ['主管部门', span('某县农业农村局', 4), span('实施单位', 2), span('某县农业技术推广中心', 3)],
        [
          { text: '项目资金', rowSpan: 5 },
          span('', 2),
          '年初预算数',
          '全年预算数（A）',
          '全年执行数（B）',
          '分值',
          '执行率（B/A）',
          span('得分', 2),
        ],
        [...money('年度资金总额', ['60', '64', '60.8', '95.00%'], '10', '9.5'), ''],
        [...money('其中：当年财政拨款', ['50', '52', '49.4', '95.00%'], '—', '—'), ''],
        [...money('上年结转', ['10', '12', '11.4', '95.00%'], '—', '—'), ''],
        [...money('其他资金', ['', '', '', ''], '—', '—'), ''],
        [{ text: '年度总体目标', rowSpan: 2 }, span('预期目标', 4), span('实际完成情况', 5)],
        [span('培育高素质农民800人以上，提升生产经营能力。', 4), span('完成培训836人，考核合格率88%。', 5)],
        [
          '一级指标',
          '二级指标',
          '三级指标',
          '指标内容',
          '年度指标值',
          '实际完成值',
          '分值',
          '得分',
          span('偏差原因分析及改进措施', 2),
        ],
        ...treeRows(
          indicators.map((i) => ({
            level1: label(i, levels[i.level1]!),
            level2: `${i.level2}（${level2Points[i.level2]!}）`,
            cells: [
              i.name,
              `${i.name}情况`,
              i.target,
              i.actual!,
              i.weight!,
              i.score!,
              span(i.deviationReason ?? '', 2),
            ],
          })),
        ),
        [span('总分', 6), '100', '92.5', span('', 2)],
        [span('自评等级', 6), span('优', 4)],
      ],
    },
  ],
  text: 'tab',
  xlsx: { row: 2, column: 2 },
  moneyUnit: '万元',
};
