import type { Db } from '../db/database.ts';
import { listSessionsOfUser } from '../db/sessions.repo.ts';
import type { Actor } from '../domain/access.ts';

export interface OwnSession {
  /** A random id, unrelated to the cookie token or its hash. */
  id: string;
  createdAt: Date;
  lastSeen: Date;
  ip: string;
  userAgent: string;
  current: boolean;
}

/** The signed-in user's live sessions, the one making the request marked `current`. */
export async function listOwnSessions(
  db: Db,
  actor: Actor,
  currentSessionId: string,
  now = new Date(),
): Promise<OwnSession[]> {
  const sessions = await listSessionsOfUser(db.kysely, actor.userId, now);
  return sessions.map(({ id, publicId, ...rest }) => ({ id: publicId, ...rest, current: id === currentSessionId }));
}
