import type { EvaluationReport, MonitoringReport } from './types.ts';

/** The line under a report's title: what the tables cover, in one sentence. */
export function evaluationSummary(report: EvaluationReport): string {
  const mean = report.meanScore === null ? '数据不全，暂无平均分' : `项目平均得分 ${report.meanScore.toFixed(2)} 分`;
  return `${report.unitName}（${report.unitCode}）${report.fiscalYear}年度共 ${report.projects.length} 个项目开展绩效自评，${mean}。`;
}

export function monitoringSummary(report: MonitoringReport): string {
  return `${report.unitName}（${report.unitCode}）${report.fiscalYear}年度共 ${report.projects.length} 个项目，数据截至 ${report.asOfMonth} 月底。`;
}
