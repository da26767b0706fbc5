import type { Actor } from '../domain/access.ts';
import type { Executor } from './schema.ts';

export interface AuditEntry {
  /** What was done, verb-noun in English: 'update-project', 'submit-targets', 'sign-in', … */
  action: string;
  unitCode?: string | null;
  fiscalYear?: number | null;
  /** The kind of thing changed ('project', 'target-document', 'user', …) and its key within the unit-year. */
  entity: string;
  entityKey: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry, inside the caller's transaction so it commits (or not) with the write it records. */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(db, actor, [entry]);
}

/** Appends many entries in one statement (a bulk import's batch), in the caller's transaction. */
export async function recordAudits(db: Executor, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        actor_id: actor.userId === 0 ? null : actor.userId,
        actor_name: actor.username,
        action: entry.action,
        unit_code: entry.unitCode ?? null,
        fiscal_year: entry.fiscalYear ?? null,
        entity: entry.entity,
        entity_key: entry.entityKey,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
      })),
    )
    .execute();
}
