import type { Db } from '../db/database.ts';
import { deleteSessionOfUser } from '../db/sessions.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';

/**
 * Ends one of the user's own sessions (another device's, or this one). Someone else's session is
 * NOT_FOUND, exactly like one that does not exist. Answers whether it was the current one.
 */
export async function endOwnSession(
  db: Db,
  actor: Actor,
  currentSessionId: string,
  publicId: string,
): Promise<{ wasCurrent: boolean }> {
  const ended = await deleteSessionOfUser(db.kysely, actor.userId, publicId);
  if (!ended) throw new AppError('NOT_FOUND', '没有这个会话（可能已结束）');
  return { wasCurrent: ended.id === currentSessionId };
}
