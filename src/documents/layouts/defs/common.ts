import type { Column, LayoutDef } from '../layout.ts';
import type { ExecutionField, IndicatorField } from '../labels.ts';

/* Pieces several forms print identically (财政部 forms and the provinces that copy them), as data. */

/** 一级 | 二级 | 三级指标, as every form heads its indicator tree. */
export const LEVELS: readonly Column<IndicatorField>[] = [
  { field: 'level1', label: '一级指标' },
  { field: 'level2', label: '二级指标' },
  { field: 'name', label: '三级指标' },
];

/** 财预〔2020〕10号: 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施. */
export const EVALUATED_INDICATORS: readonly Column<IndicatorField>[] = [
  ...LEVELS,
  { field: 'target', label: '年度指标值' },
  { field: 'actual', label: '实际完成值' },
  { field: 'weight', label: '分值' },
  { field: 'score', label: '得分' },
  { field: 'deviationReason', label: '偏差原因分析及改进措施' },
];

export const EXECUTION_COLUMNS: readonly Column<ExecutionField>[] = [
  { field: 'planned', label: '年初预算数' },
  { field: 'adjusted', label: '全年预算数' },
  { field: 'executed', label: '全年执行数' },
  { field: 'weight', label: '分值' },
  { field: 'rate', label: '执行率' },
  { field: 'score', label: '得分' },
];

export const EXECUTION_ROWS: NonNullable<LayoutDef['execution']>['rows'] = [
  { row: 'total', label: '年度资金总额' },
  { row: 'fiscal', label: '其中：当年财政拨款' },
  { row: 'carryOver', label: '上年结转资金' },
  { row: 'other', label: '其他资金' },
];
