import type { Db } from '../db/database.ts';
import { deleteSession, findLiveSession, touchSession } from '../db/sessions.repo.ts';
import type { Actor } from '../domain/access.ts';
import { SESSION_RULES, sessionIdOf } from './sign-in.ts';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

const TOUCH_EVERY_MS = 60_000;

/**
 * The session a cookie token stands for, or null when it is unknown, expired, idle too long or its
 * user was disabled. `last_seen` is written at most once a minute, not on every request.
 */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<ResolvedSession | null> {
  if (token.length < 16 || token.length > 128) return null;
  const sessionId = sessionIdOf(token);
  const found = await findLiveSession(db.kysely, sessionId, now);
  if (!found) return null;
  const idleMs = now.getTime() - found.lastSeen.getTime();
  if (idleMs > SESSION_RULES.idleMinutes * 60_000) {
    await deleteSession(db.kysely, sessionId);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await touchSession(db.kysely, sessionId, now);
  const { userId, username, displayName, role, orgCode } = found;
  return { sessionId, csrfToken: found.csrfToken, actor: { userId, username, displayName, role, orgCode } };
}

export async function signOut(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db.kysely, sessionId);
}
