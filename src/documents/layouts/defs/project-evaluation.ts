import type { LayoutDef } from '../layout.ts';
import { EVALUATED_INDICATORS, EXECUTION_COLUMNS, EXECUTION_ROWS } from './common.ts';

/** 财预〔2020〕10号 附件1: 项目支出绩效自评表 — 预算执行 rows (分值 10), 预期目标 / 实际完成情况, indicators, 总分. */
export const PROJECT_EVALUATION: LayoutDef = {
  id: 'project-evaluation',
  name: '财政部 10号',
  kind: 'project-evaluation',
  title: '项目支出绩效自评表',
  titleWords: ['自评表'],
  signature: ['年初预算数', '全年执行数', '实际完成值', '偏差原因分析及改进措施'],
  header: [
    [{ field: 'projectName', label: '项目名称' }],
    [
      { field: 'department', label: '主管部门' },
      { field: 'implementer', label: '实施单位' },
    ],
    [
      { field: 'goals', label: '预期目标' },
      { field: 'goalResults', label: '实际完成情况' },
    ],
  ],
  execution: { columns: EXECUTION_COLUMNS, rows: EXECUTION_ROWS },
  indicators: { shape: 'tree', sideLabel: '绩效指标', columns: EVALUATED_INDICATORS },
  footer: [{ field: 'totalScore', label: '总分' }],
  moneyUnit: { unit: '万元', stated: 'label' },
};
