import type { Facts, IndicatorFacts } from '../facts.ts';
import { span, treeRows } from '../table.ts';
import type { HoldoutDocument } from './common.ts';

/**
 * A 绩效运行监控表 with 截至6月底 figures: 年初预算数 | 1～6月执行数 | 1～6月执行率 | 全年预计执行数, per indicator
 * 年度指标值 | 截至6月底完成情况 | 全年预计完成值 | 偏差原因 | 完成目标可能性 | 纠偏措施; 主管部门及代码 as
 * "456003-某市生态环境局"; the text as one cell per line (Word's plain-text copy).
 */
const m = (
  level1: string,
  level2: string,
  name: string,
  value: string,
  progress: string,
  expected: string,
  likelihood: string,
  deviationReason = '',
): IndicatorFacts => ({
  level1,
  level2,
  name,
  target: value,
  progress,
  expected,
  likelihood,
  ...(deviationReason ? { deviationReason } : {}),
});

const indicators: IndicatorFacts[] = [
  m('产出指标', '数量指标', '空气自动监测站点运维数', '8个', '8个', '8个', '确定能'),
  m('产出指标', '质量指标', '监测数据有效率', '≥90%', '87%', '90%', '有可能', '两站点设备老化停机'),
  m('效益指标', '生态效益指标', '空气质量优良天数比例', '≥85%', '83.2%', '85%', '有可能'),
  m('满意度指标', '服务对象满意度指标', '公众满意度', '≥80%', '未开展', '82%', '确定能'),
];

const facts: Facts = {
  layout: 'monitoring',
  kind: 'monitoring',
  // The unit is the 实施单位; the code written beside the 主管部门 is the department's, not the unit's.
  unit: { name: '某市环境监测站', code: null },
  fiscalYear: 2024,
  asOfMonth: 6,
  projects: [
    {
      name: '大气环境监测运维',
      code: null,
      execution: {
        planned: '960000.00',
        executed: '402000.00',
        rate: '41.88%',
        fiscal: { planned: '960000.00', executed: '402000.00', rate: '41.88%' },
      },
      indicators,
    },
  ],
};

export const monitoringJune: HoldoutDocument = {
  id: 'h-monitoring-june',
  facts,
  intro: ['2024年项目支出绩效运行监控表'],
  tables: [
    {
      above: ['金额单位：万元'],
      sheet: '监控',
      rows: [
        ['项目名称', span('大气环境监测运维', 8)],
        ['主管部门及代码', span('456003-某市生态环境局', 3), span('实施单位', 2), span('某市环境监测站', 3)],
        [
          { text: '项目资金', rowSpan: 4 },
          span('', 2),
          span('年初预算数', 2),
          span('1～6月执行数', 2),
          '1～6月执行率',
          '全年预计执行数',
        ],
        [span('年度资金总额', 2), span('96', 2), span('40.2', 2), '41.88%', '96'],
        [span('其中：财政拨款', 2), span('96', 2), span('40.2', 2), '41.88%', '96'],
        [span('其他资金', 2), span('', 2), span('', 2), '', ''],
        ['年度总体目标', span('保障全市空气自动监测站稳定运行，数据真实准确。', 8)],
        [
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '截至6月底完成情况',
          '全年预计完成值',
          '偏差原因',
          '完成目标可能性',
          '纠偏措施',
        ],
        ...treeRows(
          indicators.map((i) => ({
            level1: i.level1,
            level2: i.level2,
            cells: [i.name, i.target, i.progress!, i.expected!, i.deviationReason ?? '', i.likelihood!, ''],
          })),
        ),
      ],
    },
  ],
  text: 'lines',
  xlsx: { row: 3, column: 2 },
  moneyUnit: '万元',
};
