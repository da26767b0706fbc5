import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { deleteSessionsOfUser } from '../db/sessions.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { type UserRow, findUserByUsername, setUserDisabled } from '../db/users.repo.ts';
import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';
import { AppError } from '../domain/errors.ts';

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setUserEnabled(
  db: Db,
  actor: Actor,
  input: { username: string; enabled: boolean },
): Promise<UserRow> {
  if (!input.enabled && input.username === actor.username) {
    throw new AppError('CONFLICT', '不能停用自己正在使用的账号', { details: { reason: 'users.own-account' } });
  }
  return inTransaction(db, async (trx) => {
    const before = await findUserByUsername(trx, input.username);
    if (!before) throw notFound('user', input.username, `没有用户名为 ${input.username} 的用户`);
    const after = await setUserDisabled(trx, input.username, !input.enabled);
    if (!after) throw notFound('user', input.username, `没有用户名为 ${input.username} 的用户`);
    if (!input.enabled) await deleteSessionsOfUser(trx, before.id);
    await recordAudit(trx, actor, {
      action: input.enabled ? 'enable-user' : 'disable-user',
      entity: 'user',
      entityKey: input.username,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
    });
    return after;
  });
}
