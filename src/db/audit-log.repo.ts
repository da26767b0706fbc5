import { type Expression, type SqlBool, sql } from 'kysely';
import type { AuditLogEntryView } from '../contract/audit-log.ts';
import type { UnitScope } from '../domain/unit-scope.ts';
import { type AuditRow, toAuditEntry } from './audit-query.repo.ts';
import { subtreeOf, unitInScope } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';
import { escapeLike } from './units.repo.ts';

/** Which entries of the whole log: the reader's scope, then the filters a person chose. */
export interface AuditLogFilter {
  scope: UnitScope;
  /** A part of the username or of the display name, any case. */
  user?: string | undefined;
  /** The start of a unit code or a part of its name. */
  unit?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** Only entries written before this one (an export reads the log in batches, newest first). */
  beforeId?: string | undefined;
}

export interface AuditLogRow extends AuditRow {
  actorDisplayName: string | null;
  unitName: string | null;
}

/**
 * The entries a scope may read: those of its units, and the organisation-level ones (a policy keyed
 * `ORG/kind`, an organisation keyed by its code) of organisations in its tree. Entries of no unit and
 * no organisation (users, sessions, generated data) are the administrator's alone.
 */
function inScope(scope: UnitScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'none':
      return sql<SqlBool>`false`;
    case 'unit':
      return sql<SqlBool>`a.unit_code = ${scope.code}`;
    case 'organisation':
      return sql<SqlBool>`(
        a.unit_code in (select u.code from units u where ${unitInScope(scope, 'u')})
        or (a.unit_code is null and a.entity in ('policy', 'organisation')
            and split_part(a.entity_key, '/', 1) in (select o.code from organisations o where o.id in ${subtreeOf(scope.code)})))`;
  }
}

function filtered(db: Executor, filter: AuditLogFilter) {
  let query = db.selectFrom('audit_log as a').where(inScope(filter.scope));
  const user = filter.user?.trim().toLowerCase();
  if (user) {
    const part = `%${escapeLike(user)}%`;
    query = query.where(
      sql<SqlBool>`(lower(a.actor_name) like ${part}
        or a.actor_id in (select s.id from users s where lower(s.display_name) like ${part}))`,
    );
  }
  const unit = filter.unit?.trim().toLowerCase();
  if (unit) {
    const pattern = escapeLike(unit);
    query = query.where(
      sql<SqlBool>`a.unit_code in (select n.code from units n
        where lower(n.code) like ${`${pattern}%`} or lower(n.name) like ${`%${pattern}%`})`,
    );
  }
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.entity) query = query.where('a.entity', '=', filter.entity);
  if (filter.from) query = query.where('a.at', '>=', filter.from);
  if (filter.to) query = query.where('a.at', '<', filter.to);
  if (filter.beforeId) query = query.where('a.id', '<', filter.beforeId);
  return query;
}

/** Entries newest first (the id is the order of writing), with the actor's and the unit's names. */
export async function findAuditLog(
  db: Executor,
  filter: AuditLogFilter,
  page: { limit: number; offset: number },
): Promise<AuditLogRow[]> {
  return filtered(db, filter)
    .leftJoin('users as who', 'who.id', 'a.actor_id')
    .leftJoin('units as where_', 'where_.code', 'a.unit_code')
    .select([
      'a.id',
      'a.at',
      'a.actor_name as actorName',
      'who.display_name as actorDisplayName',
      'a.action',
      'a.unit_code as unitCode',
      'where_.name as unitName',
      'a.fiscal_year as fiscalYear',
      'a.entity',
      'a.entity_key as entityKey',
      'a.before',
      'a.after',
    ])
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAuditLog(db: Executor, filter: AuditLogFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function toAuditLogEntry(row: AuditLogRow): AuditLogEntryView {
  return { ...toAuditEntry(row), actorDisplayName: row.actorDisplayName, unitName: row.unitName };
}
