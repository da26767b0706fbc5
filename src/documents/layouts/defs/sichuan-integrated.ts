import type { IndicatorField } from '../labels.ts';
import type { Column, LayoutDef } from '../layout.ts';
import { EXECUTION_COLUMNS, EXECUTION_ROWS, LEVELS } from './common.ts';

/**
 * 四川 预算管理一体化 exports: one row per indicator with every column filled — 指标性质 定量/定性, 指标值 and
 * 度量单位 in separate columns, 权重, 指标方向性 正向/反向 (guide §8). Amounts in 万元.
 */
const COLUMNS: readonly Column<IndicatorField>[] = [
  ...LEVELS,
  { field: 'nature', label: '指标性质' },
  { field: 'target', label: '指标值' },
  { field: 'measureUnit', label: '度量单位' },
  { field: 'weight', label: '权重' },
  { field: 'direction', label: '指标方向性' },
];

export const SICHUAN_TARGETS: LayoutDef = {
  id: 'sichuan-integrated',
  name: '四川一体化',
  kind: 'project-targets',
  title: '项目支出绩效目标表',
  titleWords: ['四川'],
  signature: ['指标性质', '度量单位', '权重', '指标方向性'],
  header: [
    [{ field: 'projectName', label: '项目名称' }],
    [
      { field: 'department', label: '主管部门' },
      { field: 'implementer', label: '实施单位' },
    ],
    [{ field: 'budgetTotal', label: '年度资金总额' }],
    [{ field: 'budgetFiscal', label: '其中：财政拨款' }],
    [{ field: 'budgetOther', label: '其他资金' }],
    [{ field: 'goals', label: '年度绩效目标' }],
  ],
  indicators: { shape: 'rows', sideLabel: '绩效指标', columns: COLUMNS },
  moneyUnit: { unit: '万元', stated: 'label' },
};

export const SICHUAN_EVALUATION: LayoutDef = {
  ...SICHUAN_TARGETS,
  id: 'sichuan-integrated-evaluation',
  kind: 'project-evaluation',
  title: '项目支出绩效自评表',
  header: [
    [{ field: 'projectName', label: '项目名称' }],
    [
      { field: 'department', label: '主管部门' },
      { field: 'implementer', label: '实施单位' },
    ],
    [
      { field: 'goals', label: '预期目标' },
      { field: 'goalResults', label: '实际完成情况' },
    ],
  ],
  execution: { columns: EXECUTION_COLUMNS, rows: EXECUTION_ROWS },
  indicators: {
    shape: 'rows',
    sideLabel: '绩效指标',
    columns: [...COLUMNS, { field: 'actual', label: '完成值' }, { field: 'score', label: '得分' }],
  },
  footer: [{ field: 'totalScore', label: '总分' }],
};
