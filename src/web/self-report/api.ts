import { type SelfReportView, SelfReportViewSchema } from '../../contract/self-report.ts';
import { jsonBody, request } from '../http/client.ts';

/** The 自评报告's HTTP calls (src/server/routes/self-report.ts). */
const base = (unitCode: string, year: number) => `/api/units/${encodeURIComponent(unitCode)}/years/${year}/self-report`;

export interface ReportChoice {
  /** A project code, null for the department's report. */
  project: string | null;
  /** A frozen version, null for the current one. */
  version: number | null;
}

function query(choice: ReportChoice, format?: 'docx' | 'pdf'): string {
  const params = new URLSearchParams();
  if (choice.project !== null) params.set('project', choice.project);
  if (choice.version !== null) params.set('version', String(choice.version));
  if (format) params.set('format', format);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export async function fetchSelfReport(unitCode: string, year: number, choice: ReportChoice): Promise<SelfReportView> {
  return (await request(SelfReportViewSchema, `${base(unitCode, year)}${query(choice)}`)).data;
}

export const selfReportFileUrl = (unitCode: string, year: number, choice: ReportChoice, format: 'docx' | 'pdf') =>
  `${base(unitCode, year)}${query(choice, format)}`;

/** Saves a section's text (null: restore the generated one) over the version read; a stale one is a 409. */
export async function saveSection(
  unitCode: string,
  year: number,
  section: string,
  body: { project: string | null; text: string | null; expectedVersion: number },
): Promise<void> {
  const payload = {
    text: body.text,
    expectedVersion: body.expectedVersion,
    ...(body.project ? { project: body.project } : {}),
  };
  await request(null, `${base(unitCode, year)}/sections/${section}`, { method: 'PUT', ...jsonBody(payload) });
}
