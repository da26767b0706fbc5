import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Role } from '../domain/access.ts';
import type { Executor } from './schema.ts';

/** The stored form of a session cookie: its SHA-256, so a leaked table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

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
  mustChangePassword: boolean;
}

/** One of a user's sessions as the user sees it: never the id hash that authenticates it. */
export interface SessionSummary {
  /** The primary key (SHA-256 of the token): kept server-side, to mark the current session. */
  id: string;
  publicId: string;
  createdAt: Date;
  lastSeen: Date;
  ip: string;
  userAgent: string;
}

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    publicId: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
    now: Date;
    ip?: string;
    userAgent?: string;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      public_id: session.publicId,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      last_seen: session.now,
      created_at: session.now,
      ip: session.ip ?? '',
      user_agent: session.userAgent ?? '',
    })
    .execute();
}

/**
 * Every API request runs this lookup, so it is written once as SQL instead of being rebuilt and
 * compiled by Kysely's query builder on each call (that showed in the bench api profile). The
 * aliases are SessionWithUser's keys; sessions.repo.db.test.ts pins the row's keys and types.
 */
const FIND_LIVE_SESSION = `
  select s.id, s.csrf_token as "csrfToken", s.expires_at as "expiresAt", s.last_seen as "lastSeen",
         u.id as "userId", u.username, u.display_name as "displayName", u.role, u.org_code as "orgCode",
         u.must_change_password as "mustChangePassword"
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
export async function touchSession(
  db: Executor,
  id: string,
  lastSeen: Date,
  unlessSince: Date = lastSeen,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen: lastSeen })
    .where('id', '=', id)
    .where('last_seen', '<', unlessSince)
    .execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Every live session of a user, the most recently used first. */
export async function listSessionsOfUser(db: Executor, userId: number, now: Date): Promise<SessionSummary[]> {
  return db
    .selectFrom('sessions')
    .select([
      'id',
      'public_id as publicId',
      'created_at as createdAt',
      'last_seen as lastSeen',
      'ip',
      'user_agent as userAgent',
    ])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen', 'desc')
    .orderBy('public_id')
    .execute();
}

/** Ends one of the user's own sessions by its public id; false when the user has no such session. */
export async function deleteSessionOfUser(
  db: Executor,
  userId: number,
  publicId: string,
): Promise<{ id: string } | undefined> {
  return db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('public_id', '=', publicId)
    .returning('id')
    .executeTakeFirst();
}

/** Ends every session of the user except `keepId` (a password change keeps the one that made it). */
export async function deleteOtherSessionsOfUser(db: Executor, userId: number, keepId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function recordLoginAttempt(
  db: Executor,
  attempt: { username: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db.insertInto('login_attempts').values(attempt).execute();
}

/**
 * When the address's failures since `since` first reached `max`: the time of the max-th most
 * recent one (null while there are fewer). The address is free again once that one leaves the window.
 */
export async function maxthRecentFailureOfIp(db: Executor, ip: string, since: Date, max: number): Promise<Date | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .offset(max - 1)
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function pruneLoginAttempts(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
