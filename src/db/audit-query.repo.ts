import type { AuditEntryView } from '../contract/accounts.ts';
import type { Executor } from './schema.ts';

export interface AuditRow {
  id: string;
  at: Date;
  actorName: string;
  action: string;
  unitCode: string | null;
  fiscalYear: number | null;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  unitCode: string;
  fiscalYear: number;
  entity?: string;
}

function filtered(db: Executor, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .where('unit_code', '=', filter.unitCode)
    .where('fiscal_year', '=', filter.fiscalYear);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  return query;
}

/** A unit-year's audit entries, newest first. */
export async function findAuditEntries(
  db: Executor,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  return filtered(db, filter)
    .select([
      'id',
      'at',
      'actor_name as actorName',
      'action',
      'unit_code as unitCode',
      'fiscal_year as fiscalYear',
      'entity',
      'entity_key as entityKey',
      'before',
      'after',
    ])
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAuditEntries(db: Executor, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A row as the API and the CSV show it: the id as text, the time in ISO 8601 (UTC). */
export function toAuditEntry(row: AuditRow): AuditEntryView {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actorName,
    action: row.action,
    unitCode: row.unitCode,
    fiscalYear: row.fiscalYear,
    entity: row.entity,
    entityKey: row.entityKey,
    before: row.before,
    after: row.after,
  };
}
