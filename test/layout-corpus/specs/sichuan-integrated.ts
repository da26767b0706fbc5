import type { Facts, IndicatorFacts, ProjectFacts } from '../facts.ts';
import { span, type CorpusDocument, type TableSpec } from '../table.ts';

/**
 * 四川 预算管理一体化 项目支出绩效目标表: one row per indicator with every column filled — 一级 | 二级 | 三级 |
 * 指标性质 (定量/定性) | 指标值 | 度量单位 | 权重 | 指标方向性 (正向/反向) — under a head with 单位名称, 项目名称,
 * the 21-character 项目编码, 项目实施期限 (a period, "2023.07-2024.01") and the amounts in 元. Two projects.
 */
interface Written {
  facts: IndicatorFacts;
  /** 指标性质, 指标值, 度量单位, 权重, 指标方向性 as the cells hold them. */
  cells: [string, string, string, string, string];
}

function q(
  level1: string,
  level2: string,
  name: string,
  value: string,
  unit: string,
  weight: string,
  up = true,
): Written {
  return {
    facts: {
      level1,
      level2,
      name,
      target: value + unit,
      nature: 'quantitative',
      weight,
      direction: up ? 'positive' : 'negative',
    },
    cells: ['定量', value, unit, weight, up ? '正向' : '反向'],
  };
}

function qualitative(level1: string, level2: string, name: string, value: string, weight: string): Written {
  return {
    facts: { level1, level2, name, target: value, nature: 'qualitative', weight, direction: 'positive' },
    cells: ['定性', value, '', weight, '正向'],
  };
}

const projects: (ProjectFacts & { goal: string; shown: [string, string, string]; written: Written[] })[] = [
  {
    name: '城乡社区卫生服务能力提升',
    code: '51062224R000000103217',
    period: '2023.07-2024.01',
    goal: '改善社区卫生服务站设备条件，提高基层首诊率。',
    budget: { total: '1680000.00', fiscal: '1500000.00', other: '180000.00' },
    shown: ['1680000.00', '1500000.00', '180000.00'],
    written: [
      q('产出指标', '数量指标', '配备基本诊疗设备站点数', '≥24', '个', '20'),
      q('产出指标', '质量指标', '设备验收合格率', '100', '%', '20'),
      q('产出指标', '时效指标', '设备到位时间', '≤6', '月', '10', false),
      q('产出指标', '成本指标', '单站设备购置成本', '≤7', '万元', '10', false),
      qualitative('效益指标', '社会效益指标', '基层诊疗服务条件', '明显改善', '15'),
      q('效益指标', '可持续影响指标', '设备使用年限', '≥5', '年', '15'),
      q('满意度指标', '服务对象满意度指标', '就诊居民满意度', '≥90', '%', '10'),
    ],
    indicators: [],
  },
  {
    name: '家庭医生签约服务补助',
    code: '51062224R000000103298',
    period: '2024.01-2024.12',
    goal: '巩固家庭医生签约服务，重点人群签约率稳中有升。',
    budget: { total: '356250.50', fiscal: '356250.50', other: '0.00' },
    shown: ['356250.50', '356250.50', '0.00'],
    written: [
      q('产出指标', '数量指标', '重点人群签约人数', '≥8000', '人', '30'),
      q('产出指标', '质量指标', '签约居民随访完成率', '≥85', '%', '30'),
      q('效益指标', '社会效益指标', '重点人群签约覆盖率', '≥70', '%', '30'),
      q('满意度指标', '服务对象满意度指标', '签约居民投诉率', '≤2', '%', '10', false),
    ],
    indicators: [],
  },
];
for (const project of projects) project.indicators = project.written.map((w) => w.facts);

function projectTable(project: (typeof projects)[number]): TableSpec {
  const [total, fiscal, other] = project.shown;
  return {
    above: ['项目支出绩效目标表', '（2024年度）', '单位：元'],
    rows: [
      ['单位名称', span('某区卫生健康局', 3), '项目名称', span(project.name, 3)],
      ['项目编码', span(project.code!, 3), '项目实施期限', span(project.period!, 3)],
      ['项目资金', '资金总额', span(total, 2), '财政拨款', fiscal, '其他资金', other],
      ['年度绩效目标', span(project.goal, 7)],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '指标方向性'],
      ...project.written.map((w) => [w.facts.level1, w.facts.level2, w.facts.name, ...w.cells]),
    ],
  };
}

const facts: Facts = {
  layout: 'sichuan-integrated',
  kind: 'project-targets',
  unit: { name: '某区卫生健康局', code: null },
  fiscalYear: 2024,
  projects: projects.map(({ name, code, period, budget, indicators }) => ({ name, code, period, budget, indicators })),
};

export const sichuanIntegrated: CorpusDocument = {
  id: 'sichuan-integrated',
  facts,
  intro: [],
  tables: projects.map(projectTable),
  text: 'tab',
  xlsx: { row: 2, column: 2 },
  moneyUnit: '元',
};
