import { sql } from 'kysely';
import type { Executor } from './schema.ts';

/** Who wrote a record last and when: what a 409 CONFLICT tells the user (decision 023). */
export interface LastChange {
  username: string | null;
  at: Date | null;
}

/**
 * The latest audit entry of a unit-year that matches one of `matches` (entity, and key when given):
 * the audit log is written in the same transaction as every write, so its newest entry for a
 * record is the write that produced the record's current version.
 */
export async function lastAuditChange(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
  matches: readonly { entity: string; entityKey?: string }[],
): Promise<LastChange> {
  const row = await db
    .selectFrom('audit_log')
    .select(['actor_name', 'at'])
    .where('unit_code', '=', key.unitCode)
    .where('fiscal_year', '=', key.fiscalYear)
    .where((eb) =>
      eb.or(
        matches.map((m) =>
          m.entityKey === undefined
            ? eb('entity', '=', m.entity)
            : eb.and([eb('entity', '=', m.entity), eb('entity_key', '=', m.entityKey)]),
        ),
      ),
    )
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { username: row?.actor_name ?? null, at: row?.at ?? null };
}

/** The display name of a user, or undefined for a name no account has (the CLI's 'system'). */
export async function displayNameOf(db: Executor, username: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select(sql<string>`display_name`.as('name'))
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.name;
}
