import { type AuditPage, AuditPageSchema } from '../../contract/accounts.ts';
import { type AuditLogPage, AuditLogPageSchema } from '../../contract/audit-log.ts';
import { request } from '../http/client.ts';

const base = (unitCode: string, year: number) => `/api/units/${encodeURIComponent(unitCode)}/years/${year}`;

export async function fetchAudit(
  unitCode: string,
  year: number,
  query: { page: number; pageSize: number; entity?: string },
): Promise<AuditPage> {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.entity) params.set('entity', query.entity);
  return (await request(AuditPageSchema, `${base(unitCode, year)}/audit?${params}`)).data;
}

export function auditCsvUrl(unitCode: string, year: number): string {
  return `${base(unitCode, year)}/audit.csv`;
}

/** The bureau-wide log's filters as the page holds them (dates already as instants). */
export interface AuditLogFilters {
  user?: string;
  unit?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

function filterParams(filters: AuditLogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  return params;
}

export async function fetchAuditLog(filters: AuditLogFilters, page: number, pageSize: number): Promise<AuditLogPage> {
  const params = filterParams(filters);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  return (await request(AuditLogPageSchema, `/api/audit?${params}`)).data;
}

export function auditXlsxUrl(filters: AuditLogFilters): string {
  const query = filterParams(filters).toString();
  return query ? `/api/audit.xlsx?${query}` : '/api/audit.xlsx';
}
