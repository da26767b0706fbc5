import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/** 财预〔2015〕88号 附件: 项目支出绩效目标申报表 — 中期 and 年度 side by side, amounts in 万元. */
export const CENTRAL: LayoutDef = {
  id: 'central',
  name: '财政部 88号',
  kind: 'project-targets',
  title: '项目支出绩效目标申报表',
  titleWords: ['申报表'],
  signature: ['中期资金总额', '中期目标', '年度总体目标'],
  header: [
    [{ field: 'projectName', label: '项目名称' }],
    [
      { field: 'department', label: '主管部门及代码' },
      { field: 'implementer', label: '实施单位' },
    ],
    [{ field: 'period', label: '项目期' }],
    [{ field: 'budgetTotal', label: '年度资金总额' }],
    [{ field: 'budgetFiscal', label: '其中：财政拨款' }],
    [{ field: 'budgetOther', label: '其他资金' }],
    [
      { field: 'longTermGoals', label: '中期目标' },
      { field: 'goals', label: '年度目标' },
    ],
  ],
  indicators: {
    shape: 'tree',
    sideLabel: '绩效指标',
    columns: [...LEVELS, { field: 'target', label: '指标值' }],
  },
  moneyUnit: { unit: '万元', stated: 'label' },
};
