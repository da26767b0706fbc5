import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/**
 * 湖北 项目支出绩效目标表 (budget disclosure): 项目名称 and 预算单位 on one row, 年度资金总额 / 其中：财政拨款 /
 * 其他资金 with their amounts across one row, 年度目标, then the indicator tree with a 备注 column. "单位：万元"
 * above the table.
 */
export const HUBEI: LayoutDef = {
  id: 'hubei',
  name: '湖北',
  kind: 'project-targets',
  title: '项目支出绩效目标表',
  titleWords: ['湖北'],
  signature: ['预算单位', '备注', '年度目标'],
  header: [
    [
      { field: 'projectName', label: '项目名称' },
      { field: 'unitName', label: '预算单位' },
    ],
    [
      { field: 'budgetTotal', label: '年度资金总额' },
      { field: 'budgetFiscal', label: '其中：财政拨款' },
      { field: 'budgetOther', label: '其他资金' },
    ],
    [{ field: 'goals', label: '年度目标' }],
  ],
  indicators: {
    shape: 'tree',
    columns: [...LEVELS, { field: 'target', label: '指标值' }],
  },
  moneyUnit: { unit: '万元', stated: 'above' },
};
