import type { LayoutDef } from '../layout.ts';

/**
 * 重庆 部门整体绩效目标表: 单位名称, 部门整体支出年度预算 over 资金总额 / 财政拨款 / 其他资金 (amounts on the row
 * below), 当年整体绩效目标, then one row per indicator: 指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值.
 */
export const CHONGQING_OVERALL: LayoutDef = {
  id: 'chongqing-overall',
  name: '重庆整体',
  kind: 'overall-targets',
  title: '部门整体绩效目标表',
  titleWords: ['重庆'],
  signature: ['部门整体支出年度预算', '当年整体绩效目标', '指标权重'],
  header: [
    [{ field: 'unitName', label: '单位名称' }],
    [
      { field: 'budgetTotal', label: '资金总额', synonyms: ['部门整体支出年度预算'] },
      { field: 'budgetFiscal', label: '财政拨款' },
      { field: 'budgetOther', label: '其他资金' },
    ],
    [{ field: 'goals', label: '当年整体绩效目标' }],
  ],
  indicators: {
    shape: 'tree',
    columns: [
      { field: 'level1', label: '一级指标' },
      { field: 'level2', label: '二级指标' },
      { field: 'name', label: '指标名称' },
      { field: 'weight', label: '指标权重' },
      { field: 'measureUnit', label: '计量单位' },
      { field: 'nature', label: '指标性质' },
      { field: 'target', label: '指标值' },
    ],
  },
  moneyUnit: { unit: '万元', stated: 'above' },
};
