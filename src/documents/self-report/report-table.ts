import type { SelfReport } from '../../domain/self-report/report.ts';

/** The table printed under section 二: a project's indicators, or the department's projects. */
export interface ReportTable {
  header: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
}

const num = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

export function reportTable(report: SelfReport): ReportTable {
  if (report.subject === null) {
    return {
      header: ['项目', '调整后预算（元）', '执行数（元）', '执行率', '得分', '等级'],
      widths: [34, 16, 16, 10, 12, 12],
      rows: report.projects.map((p) => [
        p.name,
        p.adjustedBudget ?? '—',
        p.spent ?? '—',
        p.executionRate === null ? '—' : `${num(p.executionRate)}%`,
        p.incomplete ? '—' : num(p.score),
        p.incomplete ? '未定级' : (p.grade ?? '—'),
      ]),
    };
  }
  return {
    header: ['二级指标', '三级指标', '目标值', '实际完成值', '权重', '得分', '完成情况'],
    widths: [12, 24, 16, 16, 9, 9, 14],
    rows: report.projects[0]!.indicators.map((i) => [
      i.level2,
      i.name,
      i.target,
      i.actual ?? '未填写',
      num(i.weight),
      num(i.points),
      i.notApplicable ? '不适用' : i.met === true ? '完成' : i.met === false ? '未完成' : '未评定',
    ]),
  };
}
