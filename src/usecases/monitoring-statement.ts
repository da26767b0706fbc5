import { categoriesOf } from '../domain/monitoring/progress.ts';
import type { MonitoringStatement } from '../documents/monitoring-report/types.ts';
import type { UnitMonitoring } from './get-monitoring.ts';

/**
 * The unit's monitoring at a checkpoint month as the 绩效监控情况表 and 监控报告 print it, from the 监控表 read as
 * of that month: entered figures as entered (全年预计执行数 null when the unit gave none; the computed one only as
 * the hint), each indicator's progress at that month.
 */
export function monitoringStatement(
  monitoring: UnitMonitoring,
  month: number,
  submittedAt: string | null,
): MonitoringStatement {
  return {
    unitCode: monitoring.unit.code,
    unitName: monitoring.unit.name,
    fiscalYear: monitoring.fiscalYear,
    month,
    submittedAt,
    projects: monitoring.projects.map((project) => {
      const entry = project.entries.find((e) => e.month === month);
      return {
        code: project.code,
        name: project.name,
        initialBudget: project.initialBudget,
        fullYearBudget: project.adjustedBudget ?? project.initialBudget,
        spentToDate: project.spentToDate,
        executionRate: project.executionRate,
        forecastFullYear: entry?.forecastFullYear ?? null,
        forecastHint: project.forecastFullYear,
        releasedToDate: entry?.releasedToDate ?? null,
        carryOver: entry?.carryOver ?? null,
        indicators: project.indicators.map((indicator) => {
          const progress = indicator.progress.find((p) => p.month === month);
          return {
            level1: indicator.level1,
            level2: indicator.level2,
            name: indicator.name,
            target: indicator.target,
            valueToDate: progress?.valueToDate ?? '',
            forecast: progress?.forecast ?? '',
            likelihood: progress?.likelihood ?? '',
            categories: progress ? categoriesOf(progress) : [],
            reason: progress?.reason ?? '',
            measures: progress?.measures ?? '',
          };
        }),
      };
    }),
    actions: monitoring.actions.map(({ projectCode, kind, body, deadline, state, reply }) => ({
      projectCode,
      kind,
      body,
      deadline,
      state,
      reply,
    })),
  };
}
