import type { Db } from '../db/database.ts';
import { deleteSession } from '../db/sessions.repo.ts';

/** Ends the session (the cookie is cleared by the route). */
export async function signOut(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db.kysely, sessionId);
}
