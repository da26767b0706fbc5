import type { LayoutDef } from '../layout.ts';
import { LEVELS } from './common.ts';

/**
 * 财预〔2019〕136号 附件: 项目支出绩效目标执行监控表 — 年初预算数 | 1-N月执行数 | 1-N月执行率 | 全年预计执行数,
 * then per indicator 年度指标值 | 1-N月执行情况 | 全年预计完成情况 | 偏差原因分析 | 完成目标可能性 | 备注.
 */
export const MONITORING: LayoutDef = {
  id: 'monitoring',
  name: '财政部 136号',
  kind: 'monitoring',
  title: '项目支出绩效目标执行监控表',
  titleWords: ['监控表'],
  signature: ['完成目标可能性', '全年预计执行数', '全年预计完成情况'],
  header: [
    [{ field: 'projectName', label: '项目名称' }],
    [
      { field: 'department', label: '主管部门及代码' },
      { field: 'implementer', label: '实施单位' },
    ],
    [{ field: 'goals', label: '年度总体目标' }],
  ],
  execution: {
    columns: [
      { field: 'planned', label: '年初预算数' },
      { field: 'executed', label: '1-7月执行数' },
      { field: 'rate', label: '1-7月执行率' },
      { field: 'expectedExecuted', label: '全年预计执行数' },
    ],
    rows: [
      { row: 'total', label: '年度资金总额' },
      { row: 'fiscal', label: '其中：财政拨款' },
      { row: 'other', label: '其他资金' },
    ],
  },
  indicators: {
    shape: 'tree',
    sideLabel: '绩效指标',
    columns: [
      ...LEVELS,
      { field: 'target', label: '年度指标值' },
      { field: 'progress', label: '1-7月执行情况' },
      { field: 'expected', label: '全年预计完成情况' },
      { field: 'deviationReason', label: '偏差原因分析' },
      { field: 'likelihood', label: '完成目标可能性' },
      { field: 'correction', label: '纠偏措施' },
    ],
  },
  moneyUnit: { unit: '万元', stated: 'label' },
};
