export {
  writeMonitoringReportDocx,
  writeMonitoringReportPdf,
  writeStatementDocx,
  writeStatementPdf,
} from './write-monitoring-report.ts';
