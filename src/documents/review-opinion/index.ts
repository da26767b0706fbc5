import { writeReportDocx } from '../reports/write-reports-docx.ts';
import { writeReportPdf } from '../reports/write-reports-pdf.ts';
import { opinionGrids, opinionSummary, opinionTitle } from './opinion-grid.ts';
import type { OpinionReport } from './types.ts';

/** The 绩效目标审核意见表 as .docx: one form per page. */
export async function writeOpinionDocx(report: OpinionReport): Promise<Buffer> {
  return writeReportDocx(opinionTitle(report), opinionSummary(report), opinionGrids(report), false);
}

/** The same forms as PDF (embedded font), drawn from the same grids. */
export async function writeOpinionPdf(report: OpinionReport): Promise<Buffer> {
  return writeReportPdf(opinionTitle(report), opinionSummary(report), opinionGrids(report), false);
}
