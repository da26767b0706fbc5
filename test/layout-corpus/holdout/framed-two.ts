import type { Facts, ProjectFacts } from '../facts.ts';
import { span, type CorpusDocument, type TableSpec } from '../table.ts';
import { target } from './common.ts';

/**
 * Two projects' 绩效目标表 one after the other, each with its title repeated above it, each form inside a one-cell
 * frame table in .docx (a nested table); 项目编码 given; amounts in 元 with thousands separators; 一级 and 二级 written
 * on every row (no merges), as a system export does.
 */
const projects: (ProjectFacts & { goal: string })[] = [
  {
    name: '城乡居民养老保险经办',
    code: '34010024000000012345',
    budget: { total: '286500.00', fiscal: '286500.00', other: null },
    goal: '按时足额发放城乡居民养老金，经办服务规范高效。',
    indicators: [
      target('产出指标', '数量指标', '参保登记人数', '≥4.2万人'),
      target('产出指标', '质量指标', '待遇发放准确率', '100%'),
      target('效益指标', '社会效益指标', '养老金按月足额发放', '是'),
      target('满意度指标', '服务对象满意度指标', '参保群众满意度', '≥92%'),
    ],
  },
  {
    name: '就业创业服务',
    code: '34010024000000012346',
    budget: { total: '154320.50', fiscal: '150000.00', other: '4320.50' },
    goal: '开展就业创业培训和招聘活动，促进城乡劳动者就业。',
    indicators: [
      target('产出指标', '数量指标', '举办招聘会场次', '≥12场'),
      target('产出指标', '成本指标', '场均招聘会成本', '≤1.2万元'),
      target('效益指标', '社会效益指标', '城镇新增就业人数', '≥1500人'),
    ],
  },
];

function table(project: (typeof projects)[number]): TableSpec {
  const { total, fiscal, other } = project.budget!;
  const show = (amount: string | null): string =>
    amount === null ? '' : Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 });
  return {
    above: ['2024年项目支出绩效目标表', '单位：元'],
    framed: true,
    sheet: '目标表',
    rows: [
      ['项目编码', project.code!, '项目名称', span(project.name, 3)],
      ['预算单位', span('某县人力资源和社会保障局', 5)],
      ['项目资金总额', show(total), '财政资金', show(fiscal), '其他资金', show(other)],
      ['年度绩效目标', span(project.goal, 5)],
      ['一级指标', '二级指标', '三级指标', '指标值', span('指标值确定依据', 2)],
      ...project.indicators.map((i) => [i.level1, i.level2, i.name, i.target, span('历史数据', 2)]),
    ],
  };
}

const facts: Facts = {
  layout: 'hebei-seed',
  kind: 'project-targets',
  unit: { name: '某县人力资源和社会保障局', code: null },
  fiscalYear: 2024,
  projects: projects.map(({ name, code, budget, indicators }) => ({ name, code, budget, indicators })),
};

export const framedTwo: CorpusDocument = {
  id: 'h-framed-two',
  facts,
  intro: [],
  tables: projects.map(table),
  text: 'tab',
  xlsx: { row: 1, column: 1 },
  moneyUnit: '元',
};
