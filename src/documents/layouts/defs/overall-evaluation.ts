import type { LayoutDef } from '../layout.ts';
import { EVALUATED_INDICATORS, EXECUTION_COLUMNS, EXECUTION_ROWS } from './common.ts';

/** 财预〔2020〕10号 附件2: 部门（单位）整体支出绩效自评表 — the department's execution, goals and indicators. */
export const OVERALL_EVALUATION: LayoutDef = {
  id: 'overall-evaluation',
  name: '财政部 10号 整体',
  kind: 'overall-evaluation',
  title: '部门（单位）整体支出绩效自评表',
  titleWords: ['整体', '自评表'],
  signature: ['部门（单位）名称', '年度主要任务', '全年执行数', '实际完成值'],
  header: [
    [{ field: 'unitName', label: '部门（单位）名称' }],
    [
      { field: 'goals', label: '预期目标' },
      { field: 'goalResults', label: '实际完成情况' },
    ],
  ],
  execution: { columns: EXECUTION_COLUMNS, rows: EXECUTION_ROWS },
  indicators: { shape: 'tree', sideLabel: '年度绩效指标', columns: EVALUATED_INDICATORS },
  footer: [{ field: 'totalScore', label: '总分' }],
  moneyUnit: { unit: '万元', stated: 'label' },
};
