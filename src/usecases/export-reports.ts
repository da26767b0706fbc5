import { z } from 'zod';
import type { Evaluation } from '../contract/evaluation.ts';

type EvaluationProject = Evaluation['projects'][number];
import type { Db } from '../db/database.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { renderDocument } from '../documents/render/render-pool.ts';
import type {
  EvaluationReport,
  EvaluationReportIndicator,
  EvaluationReportProject,
  EvaluationReportTotal,
  MonitoringReport,
  MonitoringReportIndicator,
} from '../documents/reports/types.ts';
import type { Project } from '../domain/targets.ts';
import { loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import type { ExportedFile } from '../documents/targets-export.ts';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat, type ReportKind } from '../contract/documents.ts';
import { type UnitMonitoring, getUnitMonitoring } from './get-monitoring.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
const TITLES: Record<ReportKind, string> = { evaluation: '项目支出绩效自评表', monitoring: '绩效运行监控表' };

const ExportReportInputSchema = UnitYearInputSchema.extend({
  kind: z.enum(REPORT_KINDS),
  format: z.enum(REPORT_FORMATS),
  asOfMonth: z.number().int().min(1).max(12).optional(),
});

/**
 * The 自评表 or the 监控表 of a unit-year as Word, Excel or PDF: the same figures as the screen (the same
 * use-cases compute them), mapped to the writers' plain input. The 监控表 is as of `asOfMonth` (default as on screen).
 */
export async function exportReport(
  db: Db,
  input: { unitCode: string; fiscalYear: number; kind: ReportKind; format: ReportFormat; asOfMonth?: number },
): Promise<ExportedFile> {
  const key = validateInput(ExportReportInputSchema, input, '导出条件');
  // Read in one snapshot, render after it: the writers take a while and need no database.
  const report = await inTransaction(
    db,
    async (trx) => {
      const department = await departmentOf(trx, key.unitCode);
      return key.kind === 'evaluation'
        ? { kind: 'evaluation' as const, body: await evaluationReport(trx, key, department) }
        : { kind: 'monitoring' as const, body: await monitoringReport(trx, key, department) };
    },
    'repeatable read',
  );
  const content =
    report.kind === 'evaluation'
      ? await renderEvaluation(report.body, key.format)
      : await renderMonitoring(report.body, key.format);
  return {
    content,
    contentType: CONTENT_TYPES[key.format],
    extension: key.format,
    fileName: `${report.body.unitName}${key.fiscalYear}年度${TITLES[key.kind]}.${key.format}`,
  };
}

async function departmentOf(db: Executor, unitCode: string): Promise<string | null> {
  return (await ancestorsOfUnit(db, unitCode)).find((o) => o.kind === 'department')?.name ?? null;
}

async function evaluationReport(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
  department: string | null,
): Promise<EvaluationReport> {
  const year = await loadEvaluatedYear(db, key);
  return toEvaluationReport(presentEvaluation(year), year.projects, department);
}

function toEvaluationReport(evaluation: Evaluation, targets: Project[], department: string | null): EvaluationReport {
  const targetsOf = (code: string) => targets.find((t) => t.code === code);
  return {
    unitCode: evaluation.unitCode,
    unitName: evaluation.unitName,
    department,
    fiscalYear: evaluation.fiscalYear,
    meanScore: evaluation.meanScore,
    projects: evaluation.projects.map((project): EvaluationReportProject => ({
      code: project.code,
      name: project.name,
      goals: targetsOf(project.code)?.goals ?? [],
      achieved: achievedLine(project.score.indicators),
      initialBudget: project.initialBudget,
      adjustedBudget: project.adjustedBudget,
      spent: project.spent,
      initialFiscal: targetsOf(project.code)?.budget.fiscal ?? null,
      initialOther: targetsOf(project.code)?.budget.other ?? null,
      spentFiscal: project.spentFiscal,
      spentOther: project.spentOther,
      execution: {
        rate: project.score.execution.rate,
        weight: project.score.execution.weight,
        points: project.score.execution.points,
        flag: project.score.execution.flag,
      },
      executionReason: project.executionReason,
      total: totalOf(project.score),
      unitTotal: project.unitScore === null ? null : totalOf(project.unitScore),
      indicators: project.indicators.map((indicator, i) => reportIndicator(indicator, project.score.indicators, i)),
    })),
  };
}

type ProjectScore = EvaluationProject['score'];

const totalOf = (score: ProjectScore): EvaluationReportTotal => ({
  score: score.score,
  grade: score.grade,
  incomplete: score.incomplete,
  scorable: score.scorable,
});

/** One indicator row: the unit's inputs, the points in force, the band they were given in, the bureau's 复核. */
function reportIndicator(
  indicator: EvaluationProject['indicators'][number],
  scored: ProjectScore['indicators'],
  i: number,
): EvaluationReportIndicator {
  const points = scored[i]?.name === indicator.name ? scored[i] : scored.find((s) => s.name === indicator.name);
  const { recheck } = indicator;
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    target: indicator.target,
    actual: indicator.actual,
    notApplicable: indicator.notApplicable,
    weight: points?.weight ?? 0,
    points: points?.points ?? null,
    analysis: [indicator.deviationReason, indicator.improvementMeasures].filter((t) => t.trim() !== '').join('\n'),
    band: points?.band ?? null,
    // The share chosen inside the band: the bureau's where it re-scored with a band, else the unit's.
    bandPercent: recheck?.band != null ? recheck.bandPercent : indicator.bandPercent,
    scoreReason: indicator.scoreReason,
    decision: points?.decision ?? null,
    recheck:
      recheck === null
        ? null
        : {
            actual: recheck.actual,
            unitPoints: recheck.unitPoints,
            reason: recheck.reason,
            recordedBy: recheck.recordedBy,
          },
  };
}

/** 实际完成情况 of the overall goal, stated from the indicators (the 自评 stores no separate narrative). */
function achievedLine(indicators: { met: boolean | null; missing?: true; notApplicable?: true }[]): string {
  const count = (test: (i: (typeof indicators)[number]) => boolean) => indicators.filter(test).length;
  const parts = [`达成 ${count((i) => i.met === true)} 项`, `未完全达成 ${count((i) => i.met === false)} 项`];
  const missing = count((i) => i.missing === true);
  const notApplicable = count((i) => i.notApplicable === true);
  if (missing > 0) parts.push(`缺少实际完成值 ${missing} 项`);
  if (notApplicable > 0) parts.push(`不适用 ${notApplicable} 项`);
  return `绩效指标共 ${indicators.length} 项：${parts.join('，')}。`;
}

async function monitoringReport(
  db: Executor,
  key: { unitCode: string; fiscalYear: number; asOfMonth?: number },
  department: string | null,
): Promise<MonitoringReport> {
  return toMonitoringReport(await getUnitMonitoring(db, key), department);
}

/** The latest progress recorded up to the month of the table, per indicator. */
function toMonitoringReport(monitoring: UnitMonitoring, department: string | null): MonitoringReport {
  const { asOfMonth } = monitoring;
  return {
    unitCode: monitoring.unit.code,
    unitName: monitoring.unit.name,
    department,
    fiscalYear: monitoring.fiscalYear,
    asOfMonth,
    projects: monitoring.projects.map((project) => ({
      code: project.code,
      name: project.name,
      initialBudget: project.initialBudget,
      adjustedBudget: project.adjustedBudget,
      spentToDate: project.spentToDate,
      executionRate: project.executionRate,
      // 136号: the unit's own estimate at the latest checkpoint shown; the computed one is only a screen hint (decision 036).
      forecastFullYear: project.entries.filter((e) => e.month <= asOfMonth).at(-1)?.forecastFullYear ?? null,
      indicators: project.indicators.map((indicator): MonitoringReportIndicator => {
        const latest = indicator.progress
          .filter((p) => p.month <= asOfMonth)
          .sort((a, b) => a.month - b.month)
          .at(-1);
        return {
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          target: indicator.target,
          month: latest?.month ?? null,
          valueToDate: latest?.valueToDate ?? '',
          forecast: latest?.forecast ?? '',
          likelihood: latest?.likelihood ?? '',
          deviationCategory: latest?.deviationCategory ?? '',
          reason: latest?.reason ?? '',
          measures: latest?.measures ?? '',
        };
      }),
    })),
  };
}

/** The writers run in a render thread when the server opened the pool (decision 022), else here, loaded on first use. */
function renderEvaluation(report: EvaluationReport, format: ReportFormat): Promise<Buffer> {
  return renderDocument({ kind: 'evaluation', format, report });
}

function renderMonitoring(report: MonitoringReport, format: ReportFormat): Promise<Buffer> {
  return renderDocument({ kind: 'monitoring', format, report });
}
