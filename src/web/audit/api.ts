import { type AuditPage, AuditPageSchema } from '../../contract/accounts.ts';
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
