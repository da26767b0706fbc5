import { z } from 'zod';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { deleteOtherSessionsOfUser } from '../db/sessions.repo.ts';
import { findLockedUntil, recordSignInFailure } from '../db/sign-in-lockouts.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { findUserByUsername, setUserPassword } from '../db/users.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { MAX_PASSWORD_LENGTH } from '../domain/password-policy.ts';
import { hashPassword, isCommonPassword, verifyPassword } from '../db/password-hash.ts';
import { assertPasswordAllowed } from '../domain/password-policy.ts';
import { LOCKOUT } from '../db/sign-in-lockouts.repo.ts';
import { validateInput } from '../contract/validate-input.ts';

const ChangePasswordInputSchema = z.object({
  currentPassword: z
    .string()
    .min(1)
    .max(MAX_PASSWORD_LENGTH * 4),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH * 4),
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInputSchema>;

/**
 * A user replaces their own password: the current one proves it is them (a session left open on a
 * shared computer must not be enough), the new one must pass the policy and differ from the
 * current one. Every other session of the user ends — whoever else had one is out — and the
 * session that made the change stays; a one-time password's must-change flag is cleared. Wrong
 * current passwords count against the name's sign-in lockout, so an open session is no way around it.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: ChangePasswordInput,
  now = new Date(),
): Promise<void> {
  const change = validateInput(ChangePasswordInputSchema, input, '修改密码');
  const user = await findUserByUsername(db.kysely, actor.username);
  if (!user || user.disabled) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (await findLockedUntil(db.kysely, user.username, now))
    throw new AppError('LOCKED', '密码错误次数过多，请稍后再试', { details: { reason: 'auth.password-attempts' } });
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
    await recordSignInFailure(db.kysely, user.username, LOCKOUT, now);
    throw new AppError('VALIDATION', '当前密码不正确', {
      location: { field: 'currentPassword' },
      details: { reason: 'auth.wrong-current-password' },
    });
  }
  assertPasswordAllowed(change.newPassword, user.username, isCommonPassword, 'newPassword');
  if (change.newPassword === change.currentPassword) {
    throw new AppError('VALIDATION', '新密码不能与当前密码相同', {
      location: { field: 'newPassword' },
      details: { reason: 'auth.same-password' },
    });
  }
  const passwordHash = await hashPassword(change.newPassword);
  await inTransaction(db, async (trx) => {
    await setUserPassword(trx, user.id, passwordHash, false);
    await deleteOtherSessionsOfUser(trx, user.id, sessionId);
    await recordAudit(trx, actor, {
      action: 'change-password',
      entity: 'user',
      entityKey: user.username,
      after: { otherSessionsEnded: true },
    });
  });
}
