import type { Facts, ProjectFacts } from '../facts.ts';
import { span, treeRows, type CorpusDocument, type TableSpec } from '../table.ts';
import { target } from './common.ts';

/**
 * Labels broken over lines ("项目\n名称"), "实施单位：某县卫生健康局" in one cell, 主管部门及代码 as "123002 某县卫生健康局",
 * 年度指标值 / 指标内容 columns, and the three ways a form leaves no money: "—", "0" and an empty cell. Two projects,
 * "金额单位：万元" above each table; one amount written "12.5万".
 */
const projects: (ProjectFacts & { shown: [string, string, string]; goal: string })[] = [
  {
    name: '基本公共卫生服务补助',
    code: null,
    budget: { total: '125000.00', fiscal: '125000.00', other: null },
    shown: ['12.5万', '12.5', '—'],
    goal: '为辖区常住居民提供基本公共卫生服务。',
    indicators: [
      target('产出指标', '数量指标', '居民健康档案建档率', '≥90%'),
      target('产出指标', '质量指标', '高血压患者规范管理率', '≥65%'),
      target('效益指标', '社会效益指标', '居民健康素养水平', '稳步提高'),
      target('满意度指标', '服务对象满意度指标', '居民满意度', '≥85%'),
    ],
  },
  {
    name: '家庭医生签约服务',
    code: null,
    budget: { total: '86000.00', fiscal: '86000.00', other: '0.00' },
    shown: ['8.6', '8.6', '0'],
    goal: '推进家庭医生签约服务，重点人群签约率稳步提升。',
    indicators: [
      target('产出指标', '数量指标', '重点人群签约人数', '≥3200人'),
      target('效益指标', '社会效益指标', '签约居民续约率', '≥70%'),
      target('满意度指标', '服务对象满意度指标', '签约居民满意度', '≥90%'),
    ],
  },
];

function table(project: (typeof projects)[number]): TableSpec {
  const [total, fiscal, other] = project.shown;
  return {
    above: ['项目支出绩效目标表', '金额单位：万元'],
    rows: [
      ['项目\n名称', span(project.name, 5)],
      ['主管部门及代码', span('123002 某县卫生健康局', 2), span('实施单位：某县卫生健康局', 3)],
      ['年度资金总额', total, '其中：财政拨款', fiscal, '其他资金', other],
      ['年度目标', span(project.goal, 5)],
      ['一级指标', '二级指标', '三级指标', span('指标内容', 2), '年度指标值'],
      ...treeRows(
        project.indicators.map((i) => ({
          level1: i.level1,
          level2: i.level2,
          cells: [i.name, span(`${i.name}的年度目标`, 2), i.target],
        })),
      ),
    ],
  };
}

const facts: Facts = {
  layout: 'hubei',
  kind: 'project-targets',
  unit: { name: '某县卫生健康局', code: '123002' },
  projects: projects.map(({ name, code, budget, indicators }) => ({ name, code, budget, indicators })),
};

export const spacedLabels: CorpusDocument = {
  id: 'h-spaced-labels',
  facts,
  intro: ['某县卫生健康局项目支出绩效目标'],
  tables: projects.map(table),
  text: 'pipe',
  xlsx: { row: 2, column: 1 },
  moneyUnit: '万元',
};
