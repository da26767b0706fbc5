import type { AuditEntryView } from '../contract/accounts.ts';
import { type Page, limitOffset } from '../contract/paging.ts';
import { AuditQueryInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { countAuditEntries, findAuditEntries, toAuditEntry } from '../db/audit-query.repo.ts';
import type { Db } from '../db/database.ts';

/** One page of a unit-year's audit log, newest first, optionally of one kind of entity ('project', …). */
export async function listAudit(
  db: Db,
  input: { unitCode: string; fiscalYear: number; entity?: string; page?: number; pageSize?: number },
): Promise<Page<AuditEntryView>> {
  const query = validateInput(AuditQueryInputSchema, input, '审计日志查询条件');
  const filter = { unitCode: query.unitCode, fiscalYear: query.fiscalYear, entity: query.entity };
  const [rows, total] = await Promise.all([
    findAuditEntries(db.kysely, filter, limitOffset(query)),
    countAuditEntries(db.kysely, filter),
  ]);
  return { items: rows.map(toAuditEntry), total, page: query.page, pageSize: query.pageSize };
}
