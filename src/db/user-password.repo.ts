import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';
import { recordAudit } from './audit.repo.ts';
import type { Db } from './database.ts';
import type { Executor } from './schema.ts';
import { deleteSessionsOfUser } from './sessions.repo.ts';
import { clearSignInFailures } from './sign-in-lockouts.repo.ts';
import { inTransaction } from './transaction.ts';
import { type UserWithHash, findUserByUsername, setUserPassword } from './users.repo.ts';

/** The user of this name, or NOT_FOUND. */
export async function requireUser(db: Executor, username: string): Promise<UserWithHash> {
  const user = await findUserByUsername(db, username);
  if (!user) throw notFound('user', username, `没有用户名为 ${username} 的用户`);
  return user;
}

/**
 * Replaces a user's password hash in one transaction with what must go with it: every session of
 * the user ends, the name's sign-in lockout is lifted, and the audit log records who did it.
 */
export async function storePassword(
  db: Db,
  actor: Actor,
  user: UserWithHash,
  passwordHash: string,
  how: { mustChange: boolean; action: string },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await setUserPassword(trx, user.id, passwordHash, how.mustChange);
    await deleteSessionsOfUser(trx, user.id);
    await clearSignInFailures(trx, user.username);
    await recordAudit(trx, actor, {
      action: how.action,
      entity: 'user',
      entityKey: user.username,
      after: { mustChangePassword: how.mustChange },
    });
  });
}
