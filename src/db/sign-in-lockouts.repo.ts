import { sql } from 'kysely';
import { SESSION_RULES } from '../domain/session-rules.ts';
import type { Executor } from './schema.ts';

/** The lockout rule (decision 019); the numbers live in src/domain/session-rules.ts. */
export interface LockoutRule {
  /** Wrong passwords in a row that lock the name. */
  maxFailures: number;
  /** The first lock lasts this long; each further lock twice as long as the one before … */
  firstLockSeconds: number;
  /** … up to this. */
  maxLockSeconds: number;
  /** A name without a failure for this long starts afresh (count and level back to 0). */
  forgetAfterSeconds: number;
}

/** The rule sign-in and password changes count failures by. */
export const LOCKOUT: LockoutRule = {
  maxFailures: SESSION_RULES.maxFailures,
  firstLockSeconds: SESSION_RULES.firstLockMinutes * 60,
  maxLockSeconds: SESSION_RULES.maxLockMinutes * 60,
  forgetAfterSeconds: SESSION_RULES.forgetLockoutHours * 3600,
};

/** The name's lock, if it is locked at `now`. */
export async function findLockedUntil(db: Executor, username: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('sign_in_lockouts')
    .select('locked_until as lockedUntil')
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failed sign-in for the typed name, existing or not, in one statement (concurrent
 * servers cannot lose a count). While a lock lasts nothing but the time of the failure changes; at
 * `maxFailures` the name is locked for `firstLockSeconds · 2^level` (at most `maxLockSeconds`) and
 * the level goes up. Returns the lock in force afterwards, if any.
 */
export async function recordSignInFailure(
  db: Executor,
  username: string,
  rule: LockoutRule,
  now: Date,
): Promise<Date | null> {
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000);
  // The row as it stands, with a long-quiet name read as fresh.
  const locked = sql<boolean>`(sign_in_lockouts.locked_until is not null and sign_in_lockouts.locked_until > ${now}::timestamptz)`;
  const fresh = sql<boolean>`(sign_in_lockouts.last_failure_at > ${forgetBefore}::timestamptz)`;
  const failures = sql<number>`(case when ${fresh} then sign_in_lockouts.failures else 0 end)`;
  const level = sql<number>`(case when ${fresh} then sign_in_lockouts.level else 0 end)`;
  const locks = sql<boolean>`(not ${locked} and ${failures} + 1 >= ${rule.maxFailures})`;
  const seconds = sql<number>`least(${rule.firstLockSeconds}::float8 * power(2, ${level}), ${rule.maxLockSeconds}::float8)`;
  const row = await db
    .insertInto('sign_in_lockouts')
    .values({ username, failures: 1, level: 0, locked_until: null, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: sql`case when ${locked} then sign_in_lockouts.failures when ${locks} then 0 else ${failures} + 1 end`,
        level: sql`case when ${locks} then ${level} + 1 when ${locked} then sign_in_lockouts.level else ${level} end`,
        locked_until: sql`case when ${locks} then ${now}::timestamptz + make_interval(secs => ${seconds}) else sign_in_lockouts.locked_until end`,
        last_failure_at: now,
      }),
    )
    .returning('locked_until as lockedUntil')
    .executeTakeFirstOrThrow();
  return row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** A successful sign-in, or an administrator's reset, clears the name's count, level and lock. */
export async function clearSignInFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('sign_in_lockouts').where('username', '=', username).execute();
}

/** Rows of names that have been quiet for the forget period (unknown names typed once, mostly). */
export async function pruneSignInLockouts(db: Executor, before: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_lockouts')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute();
}
