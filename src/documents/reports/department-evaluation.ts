import {
  type DepartmentEvaluationReport,
  departmentEvaluationGrid,
  departmentEvaluationSummary,
  departmentEvaluationTitle,
} from './department-evaluation-grid.ts';
import { writeReportDocx } from './write-reports-docx.ts';
import { writeReportPdf } from './write-reports-pdf.ts';
import { writeGridXlsx } from './write-reports-xlsx.ts';

/** The 部门整体支出绩效自评表 in Word, Excel or PDF: one grid, the reports' writers (decision 045). */
export async function writeDepartmentEvaluation(
  report: DepartmentEvaluationReport,
  format: 'docx' | 'xlsx' | 'pdf',
): Promise<Buffer> {
  const title = departmentEvaluationTitle(report);
  const grid = departmentEvaluationGrid(report);
  if (format === 'xlsx') return writeGridXlsx(title, [grid]);
  const write = format === 'docx' ? writeReportDocx : writeReportPdf;
  return write(title, departmentEvaluationSummary(report), [grid], false);
}
