import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/** 财预〔2015〕88号 附件: 部门（单位）整体支出绩效目标申报表 — 年度主要任务 with 预算申请, 年度总体目标, indicators. */
export const OVERALL_TARGETS: LayoutDef = {
  id: 'overall-targets',
  name: '财政部 88号 整体',
  kind: 'overall-targets',
  title: '部门（单位）整体支出绩效目标申报表',
  titleWords: ['申报表'],
  signature: ['部门（单位）名称', '金额合计', '年度总体目标'],
  header: [
    [{ field: 'unitName', label: '部门（单位）名称' }],
    [{ field: 'budgetTotal', label: '金额合计' }],
    [{ field: 'budgetFiscal', label: '财政拨款' }],
    [{ field: 'budgetOther', label: '其他资金' }],
    [{ field: 'goals', label: '年度总体目标' }],
  ],
  indicators: {
    shape: 'tree',
    sideLabel: '年度绩效指标',
    columns: [...LEVELS, { field: 'target', label: '指标值' }],
  },
  moneyUnit: { unit: '万元', stated: 'label' },
};
