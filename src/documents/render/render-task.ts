import { AppError } from '../../domain/errors.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import type { EvaluationReport, MonitoringReport } from '../reports/types.ts';
import type { MonitoringStatement } from '../monitoring-report/types.ts';
import type { OpinionReport } from '../review-opinion/types.ts';
import type { DepartmentEvaluationReport } from '../reports/department-evaluation-grid.ts';
import type { SelfReport } from '../../domain/self-report/report.ts';

export type RenderFormat = 'docx' | 'pdf' | 'xlsx';

/** One document to write: plain data in (it crosses to a worker thread by structured clone), bytes out. */
export type RenderTask =
  | { kind: 'targets'; format: RenderFormat; document: TargetsDocument }
  /** The targets in a province's form from the layout registry (issue 15), by layout id. */
  | { kind: 'layout'; format: 'docx' | 'xlsx'; layout: string; document: TargetsDocument }
  | { kind: 'evaluation'; format: RenderFormat; report: EvaluationReport }
  | { kind: 'monitoring'; format: RenderFormat; report: MonitoringReport }
  /** A unit's 绩效监控情况表 or 监控报告 at a checkpoint (财预〔2019〕136号, decision 036). */
  | { kind: 'monitoring-statement' | 'monitoring-report'; format: 'docx' | 'pdf'; statement: MonitoringStatement }
  /** The reviewers' 绩效目标审核意见表 (decision 033). */
  | { kind: 'review-opinion'; format: 'docx' | 'pdf'; report: OpinionReport }
  /** The 部门整体支出绩效自评表 (decision 045). */
  | { kind: 'department-evaluation'; format: RenderFormat; report: DepartmentEvaluationReport }
  /** A project's or the department's 自评报告 with its charts (decision 046). */
  | { kind: 'self-report'; format: 'docx' | 'pdf'; report: SelfReport };

/**
 * Runs the writer of a task. The writers load on first use (exceljs, docx and pdfkit add ~0.7 s to a
 * CLI start otherwise); in a render thread they load once per thread.
 */
export async function renderTask(task: RenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case 'targets':
      return renderTargetsFile(task.document, task.format);
    case 'layout':
      return renderLayoutFile(task.document, task.layout, task.format);
    case 'evaluation': {
      const writers = await import('../reports/index.ts');
      return { docx: writers.writeEvaluationDocx, xlsx: writers.writeEvaluationXlsx, pdf: writers.writeEvaluationPdf }[
        task.format
      ](task.report);
    }
    case 'monitoring': {
      const writers = await import('../reports/index.ts');
      return { docx: writers.writeMonitoringDocx, xlsx: writers.writeMonitoringXlsx, pdf: writers.writeMonitoringPdf }[
        task.format
      ](task.report);
    }
    case 'monitoring-statement':
    case 'monitoring-report': {
      const writers = await import('../monitoring-report/index.ts');
      const write =
        task.kind === 'monitoring-statement'
          ? { docx: writers.writeStatementDocx, pdf: writers.writeStatementPdf }
          : { docx: writers.writeMonitoringReportDocx, pdf: writers.writeMonitoringReportPdf };
      return write[task.format](task.statement);
    }
    case 'review-opinion': {
      const writers = await import('../review-opinion/index.ts');
      return (task.format === 'docx' ? writers.writeOpinionDocx : writers.writeOpinionPdf)(task.report);
    }
    case 'department-evaluation':
      return (await import('../reports/department-evaluation.ts')).writeDepartmentEvaluation(task.report, task.format);
    case 'self-report': {
      const writers = await import('../self-report/index.ts');
      return (task.format === 'docx' ? writers.writeSelfReportDocx : writers.writeSelfReportPdf)(task.report);
    }
  }
}

async function renderTargetsFile(document: TargetsDocument, format: RenderFormat): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return (await import('../docx/index.ts')).writeTargetsDocx(document);
    case 'xlsx':
      return (await import('../xlsx/index.ts')).writeTargetsXlsx(document);
    case 'pdf':
      return (await import('../pdf/index.ts')).writeTargetsPdf(document);
  }
}

async function renderLayoutFile(document: TargetsDocument, id: string, format: 'docx' | 'xlsx'): Promise<Uint8Array> {
  const layout = (await import('../layouts/write/printable.ts')).layoutById(id);
  if (!layout) throw new AppError('VALIDATION', `没有可打印的表样“${id}”`);
  return format === 'docx'
    ? (await import('../layouts/write/write-layout-docx.ts')).writeLayoutDocx(document, layout)
    : (await import('../layouts/write/write-layout-xlsx.ts')).writeLayoutXlsx(document, layout);
}
