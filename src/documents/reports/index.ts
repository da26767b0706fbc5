export { writeEvaluationDocx, writeMonitoringDocx } from './write-reports-docx.ts';
export { writeEvaluationXlsx, writeMonitoringXlsx } from './write-reports-xlsx.ts';
export { writeEvaluationPdf, writeMonitoringPdf } from './write-reports-pdf.ts';
export type * from './types.ts';
