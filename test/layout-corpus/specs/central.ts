import type { Facts, ProjectFacts } from '../facts.ts';
import { span, type CorpusDocument, type TableSpec } from '../table.ts';
import { indicator, targetTree } from './common.ts';

/**
 * 中央部门 项目支出绩效目标表 (财预〔2015〕88号 附件, the form central departments publish with their budgets):
 * 项目名称, 主管部门 / 实施单位, 项目资金（万元） with 年度资金总额 / 其中：财政拨款 / 其他资金, 年度总体目标, then a
 * 绩效指标 label merged down the indicator rows, 一级 and 二级 merged over theirs. No codes; two projects; 万元.
 */
const projects: (ProjectFacts & { department: string; goal: string; shown: [string, string, string] })[] = [
  {
    name: '高标准农田建设管护',
    code: null,
    department: '某县农业农村局',
    goal: '完成全县高标准农田设施管护，保障灌排设施正常运行。',
    budget: { total: '1255000.00', fiscal: '1000000.00', other: '255000.00' },
    shown: ['125.5', '100', '25.5'],
    indicators: [
      indicator('产出指标', '数量指标', '管护农田面积', '≥3.2万亩'),
      indicator('产出指标', '数量指标', '维修灌排渠道长度', '≥18公里'),
      indicator('产出指标', '质量指标', '设施完好率', '≥95%'),
      indicator('产出指标', '时效指标', '维修完成时间', '2024年10月底前'),
      indicator('效益指标', '经济效益指标', '亩均增产粮食', '≥30公斤'),
      indicator('效益指标', '可持续影响指标', '设施使用年限延长', '≥3年'),
      indicator('满意度指标', '服务对象满意度指标', '受益农户满意度', '≥90%'),
    ],
  },
  {
    name: '农产品质量安全抽检',
    code: null,
    department: '某县农业农村局',
    goal: '开展农产品质量安全例行监测，抽检合格率保持在较高水平。',
    budget: { total: '386400.00', fiscal: '386400.00', other: '0.00' },
    shown: ['38.64', '38.64', '0'],
    indicators: [
      indicator('产出指标', '数量指标', '抽检样品批次', '≥1200批次'),
      indicator('产出指标', '成本指标', '单批次检测成本', '≤320元'),
      indicator('效益指标', '社会效益指标', '抽检总体合格率', '≥98%'),
      indicator('满意度指标', '服务对象满意度指标', '生产经营主体满意度', '≥85%'),
    ],
  },
];

function projectTable(project: (typeof projects)[number]): TableSpec {
  const [total, fiscal, other] = project.shown;
  return {
    above: ['项目支出绩效目标表', '（2024年度）'],
    sheet: '项目绩效目标',
    rows: [
      ['项目名称', span(project.name, 4)],
      ['主管部门', project.department, '实施单位', span(project.department, 2)],
      [{ text: '项目资金（万元）', rowSpan: 3 }, '年度资金总额', span(total, 3)],
      ['其中：财政拨款', span(fiscal, 3)],
      ['其他资金', span(other, 3)],
      ['年度总体目标', span(project.goal, 4)],
      [{ text: '绩效指标', rowSpan: project.indicators.length + 1 }, '一级指标', '二级指标', '三级指标', '指标值'],
      ...targetTree(project.indicators),
    ],
  };
}

const facts: Facts = {
  layout: 'central',
  kind: 'project-targets',
  unit: { name: '某县农业农村局', code: null },
  fiscalYear: 2024,
  projects: projects.map(({ name, code, budget, indicators }) => ({ name, code, budget, indicators })),
};

export const central: CorpusDocument = {
  id: 'central',
  facts,
  intro: ['某县农业农村局2024年项目支出绩效目标表'],
  tables: projects.map(projectTable),
  text: 'tab',
  xlsx: { row: 3, column: 2 },
  moneyUnit: '万元',
};
