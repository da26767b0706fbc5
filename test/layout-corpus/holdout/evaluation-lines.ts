import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows } from '../table.ts';
import type { HoldoutDocument } from './common.ts';

/**
 * A 项目支出绩效自评表 with its money in 元 and no 年初预算数 column (全年预算数 | 全年执行数 | 执行率 | 分值 | 得分),
 * the unit named in the title line above ("填报单位：…"), 项目名称 and 实施单位 on one row, 指标名称 for 三级, 完成值,
 * a placeholder row "……" left in the indicators, and 总分 / 评价等级 in one row; text as Markdown pipes.
 */
const ev = (
  level1: string,
  level2: string,
  name: string,
  value: string,
  actual: string,
  weight: string,
  score: string,
): IndicatorFacts => ({ level1, level2, name, target: value, actual, weight, score });

const indicators: IndicatorFacts[] = [
  ev('产出指标', '数量指标', '救助困难群众人次', '≥450人次', '472人次', '25', '25'),
  ev('产出指标', '时效指标', '救助资金发放及时率', '100%', '100%', '25', '25'),
  ev('效益指标', '社会效益指标', '困难群众基本生活保障', '有效保障', '有效保障', '30', '28'),
  ev('满意度指标', '服务对象满意度指标', '受助对象满意度', '≥90%', '96%', '10', '10'),
];

const facts: Facts = {
  layout: 'project-evaluation',
  kind: 'project-evaluation',
  unit: { name: '某县民政局', code: null },
  fiscalYear: 2023,
  projects: [
    {
      name: '临时救助',
      code: null,
      execution: { adjusted: '350000.00', executed: '341250.00', rate: '97.50%', weight: '10', score: '9.75' },
      indicators,
      totalScore: '97.75',
      grade: '优',
    },
  ],
};

export const evaluationLines: HoldoutDocument = {
  id: 'h-evaluation-lines',
  facts,
  intro: [],
  tables: [
    {
      above: ['2023年度项目支出绩效自评表', '填报单位：某县民政局    单位：元'],
      rows: [
        ['项目名称', span('临时救助', 3), '实施单位', span('某县民政局', 2)],
        ['预算执行', '全年预算数', '全年执行数', '执行率', '分值', span('得分', 2)],
        ['年度资金总额', '350,000.00', '341,250.00', '97.50%', '10', span('9.75', 2)],
        ['年度目标', span('对遭遇突发困难的群众及时给予临时救助。', 6)],
        ['一级指标', '二级指标', '指标名称', '年度指标值', '完成值', '分值', '得分'],
        ...treeRows([
          ...indicators.map((i) => ({
            level1: i.level1,
            level2: i.level2,
            cells: [i.name, i.target, i.actual!, i.weight!, i.score!],
          })),
          { level1: '满意度指标', level2: '服务对象满意度指标', cells: ['……', '', '', '', ''] },
        ]),
        ['总分', span('97.75', 2), '评价等级', span('优', 3)],
      ],
    },
  ],
  text: 'pipe',
  xlsx: { row: 1, column: 1 },
  moneyUnit: '元',
};
