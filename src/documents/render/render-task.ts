import type { TargetsDocument } from '../../domain/targets.ts';
import type { EvaluationReport, MonitoringReport } from '../reports/types.ts';

export type RenderFormat = 'docx' | 'pdf' | 'xlsx';

/** One document to write: plain data in (it crosses to a worker thread by structured clone), bytes out. */
export type RenderTask =
  | { kind: 'targets'; format: RenderFormat; document: TargetsDocument }
  | { kind: 'evaluation'; format: RenderFormat; report: EvaluationReport }
  | { kind: 'monitoring'; format: RenderFormat; report: MonitoringReport };

/**
 * Runs the writer of a task. The writers load on first use (exceljs, docx and pdfkit add ~0.7 s to a
 * CLI start otherwise); in a render thread they load once per thread.
 */
export async function renderTask(task: RenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case 'targets':
      return renderTargetsFile(task.document, task.format);
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
