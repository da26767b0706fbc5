import type { Db } from '../db/database.ts';
import {
  type SessionWithUser,
  deleteSession,
  findLiveSession,
  sessionIdOf,
  touchSession,
} from '../db/sessions.repo.ts';
import type { Actor } from '../domain/access.ts';
import { SESSION_RULES } from '../domain/session-rules.ts';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  /** Signed in with a one-time password: every API but the password change answers PASSWORD_CHANGE_REQUIRED. */
  mustChangePassword: boolean;
}

const TOUCH_EVERY_MS = 60_000;

/**
 * The session a cookie token stands for, or null when it is unknown, expired, idle too long or its
 * user was disabled. `last_seen` is written at most once a minute, not on every request.
 */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<ResolvedSession | null> {
  const sessionId = sessionIdFromToken(token);
  if (sessionId === null) return null;
  return checkLiveness(db, sessionId, await findLiveSession(db.kysely, sessionId, now), now);
}

function sessionIdFromToken(token: string): string | null {
  if (token.length < 16 || token.length > 128) return null;
  return sessionIdOf(token);
}

/** Sliding expiry: an idle session is deleted; a live one is touched at most once a minute. */
async function checkLiveness(
  db: Db,
  sessionId: string,
  found: SessionWithUser | undefined,
  now: Date,
): Promise<ResolvedSession | null> {
  if (!found) return null;
  const idleMs = now.getTime() - found.lastSeen.getTime();
  if (idleMs > SESSION_RULES.idleMinutes * 60_000) {
    await deleteSession(db.kysely, sessionId);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await touchSession(db.kysely, sessionId, now, new Date(now.getTime() - TOUCH_EVERY_MS));
  const { userId, username, displayName, role, orgCode } = found;
  return {
    sessionId,
    csrfToken: found.csrfToken,
    actor: { userId, username, displayName, role, orgCode },
    mustChangePassword: found.mustChangePassword,
  };
}
