import { type AuditLogEntryView, type AuditLogFilterQuery, AuditLogQuerySchema } from '../contract/audit-log.ts';
import { type Page, limitOffset } from '../contract/paging.ts';
import { validateInput } from '../contract/validate-input.ts';
import { type AuditLogFilter, countAuditLog, findAuditLog, toAuditLogEntry } from '../db/audit-log.repo.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';

/** The reader's scope (targets:read's, the one visible-units rule) and the chosen filters. */
export function auditLogFilter(actor: Actor, query: AuditLogFilterQuery): AuditLogFilter {
  return {
    scope: unitScopeOf(actor),
    user: query.user,
    unit: query.unit,
    action: query.action,
    entity: query.entity,
    from: query.from === undefined ? undefined : new Date(query.from),
    to: query.to === undefined ? undefined : new Date(query.to),
  };
}

/** One page of the audit log the actor may read, newest first, filtered by who, unit, what and when. */
export async function listAuditLog(db: Db, actor: Actor, input: unknown): Promise<Page<AuditLogEntryView>> {
  const query = validateInput(AuditLogQuerySchema, input, '审计日志查询条件');
  const filter = auditLogFilter(actor, query);
  const [rows, total] = await Promise.all([
    findAuditLog(db.kysely, filter, limitOffset(query)),
    countAuditLog(db.kysely, filter),
  ]);
  return { items: rows.map(toAuditLogEntry), total, page: query.page, pageSize: query.pageSize };
}
