import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/**
 * The seed's own layout (河北, 秦皇岛市山海关区): 项目编码 first, 预算规模及资金用途, 资金支出计划（%）,
 * 绩效指标描述 and 指标值确定依据, "单位：元" above. Its strict reader (seed-text) stays the exact path; this
 * description lets the label recogniser read the same tables when they come as grids.
 */
export const HEBEI_SEED: LayoutDef = {
  id: 'hebei-seed',
  name: '河北（种子）',
  kind: 'project-targets',
  title: '项目绩效目标表',
  titleWords: ['部门整体绩效目标', '预算项目绩效目标'],
  signature: ['预算规模及资金用途', '资金支出计划', '绩效指标描述', '指标值确定依据'],
  header: [
    [
      { field: 'projectCode', label: '项目编码' },
      { field: 'projectName', label: '项目名称' },
    ],
    [
      { field: 'budgetTotal', label: '预算数' },
      { field: 'budgetFiscal', label: '其中：财政资金' },
      { field: 'budgetOther', label: '其他资金' },
    ],
    [{ field: 'purpose', label: '资金用途' }],
    [{ field: 'goals', label: '绩效目标' }],
  ],
  indicators: {
    shape: 'tree',
    columns: [
      ...LEVELS,
      { field: 'description', label: '绩效指标描述' },
      { field: 'target', label: '指标值' },
      { field: 'basis', label: '指标值确定依据' },
    ],
  },
  moneyUnit: { unit: '元', stated: 'above' },
};
