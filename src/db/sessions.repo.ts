import { CompiledQuery } from 'kysely';
import type { Role } from '../domain/access.ts';
import type { Executor } from './schema.ts';

export interface SessionWithUser {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeen: Date;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
}

export async function insertSession(
  db: Executor,
  session: { id: string; userId: number; csrfToken: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: session.id, user_id: session.userId, csrf_token: session.csrfToken, expires_at: session.expiresAt, last_seen: session.now })
    .execute();
}

/**
 * Every API request runs this lookup, so it is written once as SQL instead of being rebuilt and
 * compiled by Kysely's query builder on each call (that showed in the bench api profile). The
 * aliases are SessionWithUser's keys; sessions.repo.test.ts pins the row's keys and types.
 */
const FIND_LIVE_SESSION = `
  select s.id, s.csrf_token as "csrfToken", s.expires_at as "expiresAt", s.last_seen as "lastSeen",
         u.id as "userId", u.username, u.display_name as "displayName", u.role, u.org_code as "orgCode"
    from sessions s join users u on u.id = s.user_id
   where s.id = $1 and s.expires_at > $2 and u.disabled = false`;

/** The live session with this id hash and its user; none when expired or the user is disabled. */
export async function findLiveSession(db: Executor, id: string, now: Date): Promise<SessionWithUser | undefined> {
  const result = await db.executeQuery<SessionWithUser>(CompiledQuery.raw(FIND_LIVE_SESSION, [id, now]));
  return result.rows[0];
}

/**
 * Slides the session's idle clock to `lastSeen`, unless it was moved after `unlessSince` already
 * (by a concurrent request or another server): many requests of one session write the row once.
 */
export async function touchSession(db: Executor, id: string, lastSeen: Date, unlessSince: Date = lastSeen): Promise<void> {
  await db.updateTable('sessions').set({ last_seen: lastSeen }).where('id', '=', id).where('last_seen', '<', unlessSince).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function recordLoginAttempt(db: Executor, attempt: { username: string; ip: string; succeeded: boolean; at: Date }): Promise<void> {
  await db.insertInto('login_attempts').values(attempt).execute();
}

/** Failed attempts since `since`, from one IP or for one username. */
export async function countFailedAttempts(db: Executor, by: { ip: string } | { username: string }, since: Date): Promise<number> {
  let query = db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('succeeded', '=', false)
    .where('at', '>', since);
  query = 'ip' in by ? query.where('ip', '=', by.ip) : query.where('username', '=', by.username);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pruneLoginAttempts(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
