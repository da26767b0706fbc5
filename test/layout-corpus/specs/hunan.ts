import type { Facts, ProjectFacts } from '../facts.ts';
import { span, type CellInput, type CorpusDocument } from '../table.ts';
import { indicator, targetTree } from './common.ts';

/**
 * 湖南 项目支出绩效目标表 (budget disclosure): one wide table for all of a unit's projects, a two-row header
 * (年度预算 over 资金总额 / 财政拨款 / 其他资金, 绩效指标 over the four indicator columns), the unit, each project's
 * name, amounts and goal merged down its indicator rows. "金额单位：万元" above the table.
 */
const projects: (ProjectFacts & { goal: string; shown: string[] })[] = [
  {
    name: '学生资助补助经费',
    code: null,
    goal: '落实家庭经济困难学生资助政策，做到应助尽助。',
    budget: { total: '2478000.00', fiscal: '2478000.00', other: '0.00' },
    shown: ['247.8', '247.8', '0'],
    indicators: [
      indicator('产出指标', '数量指标', '资助学生人次', '≥3500人次'),
      indicator('产出指标', '质量指标', '资助对象认定准确率', '100%'),
      indicator('产出指标', '时效指标', '资金发放及时率', '≥98%'),
      indicator('效益指标', '社会效益指标', '因贫辍学学生人数', '0人'),
      indicator('满意度指标', '服务对象满意度指标', '受助学生及家长满意度', '≥92%'),
    ],
  },
  {
    name: '乡村学校教师培训',
    code: null,
    goal: '培训乡村学校骨干教师，提升课堂教学能力。',
    budget: { total: '453600.00', fiscal: '400000.00', other: '53600.00' },
    shown: ['45.36', '40', '5.36'],
    indicators: [
      indicator('产出指标', '数量指标', '培训教师人数', '≥600人'),
      indicator('产出指标', '数量指标', '集中培训天数', '≥5天'),
      indicator('产出指标', '成本指标', '人均培训成本', '≤750元'),
      indicator('效益指标', '可持续影响指标', '参训教师课堂教学能力', '明显提升'),
      indicator('满意度指标', '服务对象满意度指标', '参训教师满意度', '≥90%'),
    ],
  },
];

function projectRows(project: (typeof projects)[number]): CellInput[][] {
  const rows = targetTree(project.indicators);
  const n = project.indicators.length;
  const down = (text: string) => ({ text, rowSpan: n });
  rows[0] = [down(project.name), ...project.shown.map(down), down(project.goal), ...rows[0]!];
  return rows;
}

const body = projects.flatMap(projectRows);

const facts: Facts = {
  layout: 'hunan',
  kind: 'project-targets',
  unit: { name: '某县教育局', code: null },
  fiscalYear: 2024,
  projects: projects.map(({ name, code, budget, indicators }) => ({ name, code, budget, indicators })),
};

export const hunan: CorpusDocument = {
  id: 'hunan',
  facts,
  intro: ['某县教育局2024年部门预算公开表'],
  tables: [
    {
      above: ['项目支出绩效目标表', '金额单位：万元'],
      rows: [
        [
          { text: '单位名称', rowSpan: 2 },
          { text: '项目名称', rowSpan: 2 },
          span('年度预算', 3),
          { text: '年度绩效目标', rowSpan: 2 },
          span('绩效指标', 4),
        ],
        ['资金总额', '财政拨款', '其他资金', '一级指标', '二级指标', '三级指标', '指标值'],
        [{ text: '某县教育局', rowSpan: body.length }, ...body[0]!],
        ...body.slice(1),
      ],
    },
  ],
  text: 'tab',
  xlsx: { row: 3, column: 1 },
  moneyUnit: '万元',
};
