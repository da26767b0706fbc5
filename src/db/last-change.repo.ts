import { sql } from 'kysely';
import type { AppError } from '../domain/errors.ts';
import { versionConflictError } from '../domain/version-conflict.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
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
async function displayNameOf(db: Executor, username: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select(sql<string>`display_name`.as('name'))
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.name;
}

/**
 * The CONFLICT of a stale write (decision 023, src/domain/version-conflict.ts), naming the last
 * writer by display name: an account's, the system actor's, or the bare name of a deleted account.
 */
export async function versionConflict(
  db: Executor,
  what: string,
  change: LastChange & { currentVersion: number; expectedVersion: number },
): Promise<AppError> {
  const changedBy =
    change.username === null
      ? null
      : {
          username: change.username,
          displayName:
            (await displayNameOf(db, change.username)) ??
            (change.username === SYSTEM_ACTOR.username ? SYSTEM_ACTOR.displayName : change.username),
        };
  return versionConflictError(what, { ...change, changedBy });
}
