import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/**
 * 安徽 项目支出绩效目标表: 主管部门 as "code-name", 项目实施单位, 项目类别 / 项目属性, 项目资金 with its labels
 * (资金总额 / 财政资金 / 其他资金) on one row and the amounts on the row below, 总体目标, 三级指标 merged across two
 * columns. Amounts in the unit the 项目资金 label states (千元 or 万元).
 */
export const ANHUI: LayoutDef = {
  id: 'anhui',
  name: '安徽',
  kind: 'project-targets',
  title: '项目支出绩效目标表',
  titleWords: ['安徽'],
  signature: ['项目实施单位', '项目类别', '财政资金'],
  header: [
    [{ field: 'projectName', label: '项目名称' }],
    [
      { field: 'department', label: '主管部门' },
      { field: 'implementer', label: '项目实施单位' },
    ],
    [
      { field: 'budgetTotal', label: '资金总额' },
      { field: 'budgetFiscal', label: '财政资金' },
      { field: 'budgetOther', label: '其他资金' },
    ],
    [{ field: 'goals', label: '总体目标' }],
  ],
  indicators: {
    shape: 'tree',
    sideLabel: '绩效指标',
    columns: [...LEVELS, { field: 'target', label: '指标值' }],
  },
  moneyUnit: { unit: '千元', stated: 'label' },
};
