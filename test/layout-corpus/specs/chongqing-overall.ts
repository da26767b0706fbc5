import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows, type CorpusDocument } from '../table.ts';

/**
 * 重庆 部门整体绩效目标表: the unit's whole budget (资金总额 / 财政拨款 / 其他资金, labels over amounts, 万元) and
 * its department-level indicators: 一级 | 二级 | 指标名称 (三级) | 指标权重 | 计量单位 | 指标性质 | 指标值, where
 * 指标性质 holds the comparison ("≥", "≤") or 定性. The target joins comparison, value and unit as written.
 */
interface Written {
  facts: IndicatorFacts;
  weight: string;
  unit: string;
  nature: string;
  value: string;
}

function w(
  level1: string,
  level2: string,
  name: string,
  weight: string,
  nature: string,
  value: string,
  unit = '',
): Written {
  const target = nature === '定性' ? value : `${nature}${value}${unit}`;
  return { facts: { level1, level2, name, target, weight }, weight, unit, nature, value };
}

const written: Written[] = [
  w('产出指标', '数量指标', '特困人员供养人数', '15', '≥', '420', '人'),
  w('产出指标', '数量指标', '养老机构检查覆盖率', '10', '≥', '95', '%'),
  w('产出指标', '质量指标', '低保对象认定差错率', '10', '≤', '1', '%'),
  w('产出指标', '时效指标', '救助资金按月发放', '10', '定性', '按时足额发放'),
  w('产出指标', '成本指标', '一般性支出压减比例', '10', '≥', '5', '%'),
  w('效益指标', '社会效益指标', '困难群众基本生活', '20', '定性', '有效保障'),
  w('效益指标', '可持续影响指标', '社区养老服务站覆盖街镇数', '15', '≥', '12', '个'),
  w('满意度指标', '服务对象满意度指标', '救助对象满意度', '10', '≥', '90', '%'),
];

const facts: Facts = {
  layout: 'chongqing-overall',
  kind: 'overall-targets',
  unit: { name: '某区民政局', code: null },
  fiscalYear: 2024,
  projects: [],
  overall: {
    budget: { total: '18634700.00', fiscal: '18000000.00', other: '634700.00' },
    indicators: written.map((x) => x.facts),
  },
};

export const chongqingOverall: CorpusDocument = {
  id: 'chongqing-overall',
  facts,
  intro: ['某区民政局2024年部门预算情况说明（附表）'],
  tables: [
    {
      above: ['部门整体绩效目标表', '（2024年度）', '单位：万元'],
      sheet: '部门整体绩效目标',
      rows: [
        ['单位名称', span('某区民政局', 6)],
        [{ text: '部门整体支出年度预算', rowSpan: 2 }, span('资金总额', 2), span('财政拨款', 2), span('其他资金', 2)],
        [span('1863.47', 2), span('1800', 2), span('63.47', 2)],
        ['当年整体绩效目标', span('保障困难群众基本生活，完善社区养老服务网络，规范社会组织管理。', 6)],
        ['一级指标', '二级指标', '指标名称', '指标权重', '计量单位', '指标性质', '指标值'],
        ...treeRows(
          written.map((x) => ({
            level1: x.facts.level1,
            level2: x.facts.level2,
            cells: [x.facts.name, x.weight, x.unit, x.nature, x.value],
          })),
        ),
      ],
    },
  ],
  text: 'tab',
  xlsx: { row: 3, column: 2 },
  moneyUnit: '万元',
};
