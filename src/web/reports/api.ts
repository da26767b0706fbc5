export type ReportKind = 'evaluation' | 'monitoring';
export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

/** GET …/evaluation.{docx,xlsx,pdf} and …/monitoring.{…}?asOfMonth=N (src/server/routes/export.ts). */
export function reportUrl(
  unitCode: string,
  year: number,
  kind: ReportKind,
  format: ReportFormat,
  asOfMonth?: number,
): string {
  const query = kind === 'monitoring' && asOfMonth !== undefined && asOfMonth >= 1 ? `?asOfMonth=${asOfMonth}` : '';
  return `/api/units/${encodeURIComponent(unitCode)}/years/${year}/${kind}.${format}${query}`;
}
