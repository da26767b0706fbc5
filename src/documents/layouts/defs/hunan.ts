import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/**
 * 湖南 项目支出绩效目标表 (budget disclosure): one wide table for all of a unit's projects under a two-row head —
 * 年度预算 over 资金总额 / 财政拨款 / 其他资金, 绩效指标 over the indicator columns — the unit, each project's
 * name, amounts and 年度绩效目标 merged down its indicator rows. "金额单位：万元" above the table.
 */
export const HUNAN: LayoutDef = {
  id: 'hunan',
  name: '湖南',
  kind: 'project-targets',
  title: '项目支出绩效目标表',
  titleWords: ['湖南'],
  signature: ['单位名称', '年度预算', '年度绩效目标'],
  header: [],
  projectColumns: [
    { field: 'unitName', label: '单位名称' },
    { field: 'projectName', label: '项目名称' },
    { field: 'budgetTotal', label: '资金总额' },
    { field: 'budgetFiscal', label: '财政拨款' },
    { field: 'budgetOther', label: '其他资金' },
    { field: 'goals', label: '年度绩效目标' },
  ],
  indicators: {
    shape: 'flat',
    sideLabel: '绩效指标',
    columns: [...LEVELS, { field: 'target', label: '指标值' }],
  },
  moneyUnit: { unit: '万元', stated: 'above' },
};
