export { writeSelfReportDocx } from './write-self-report-docx.ts';
export { writeSelfReportPdf } from './write-self-report-pdf.ts';
