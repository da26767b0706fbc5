import { z } from 'zod';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { type UserRow, findUserByUsername, updateUserProfile } from '../db/users.repo.ts';
import { type Actor, ROLES } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';
import { AppError } from '../domain/errors.ts';
import { assertOrganisationFits } from '../db/users.repo.ts';
import { validateInput } from '../contract/validate-input.ts';

const UserChangesSchema = z.object({
  role: z.enum(ROLES).optional(),
  // Not NewUserInputSchema's (its default '' would replace a missing code and move the user out of their organisation).
  orgCode: z.string().trim().max(64).optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
  /** Where notifications are e-mailed when SMTP is configured (decision 037); '' removes it. */
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, '电子邮箱格式不正确，例如 name@example.org')
    .optional(),
});
export type UserChanges = z.input<typeof UserChangesSchema>;

/**
 * An administrator assigns a user's role, organisation, display name or e-mail address; what is not given stays.
 * The organisation must exist and fit the (new) role; an admin belongs to none. Sessions stay
 * open: each request reads the user's role afresh, so the change applies at once. An
 * administrator cannot take the admin role from themself (that could leave nobody to manage users).
 */
export async function updateUser(db: Db, actor: Actor, username: string, input: UserChanges): Promise<UserRow> {
  const changes = validateInput(UserChangesSchema, input, '用户');
  const before = await findUserByUsername(db.kysely, username);
  if (!before) throw notFound('user', username, `没有用户名为 ${username} 的用户`);
  const role = changes.role ?? before.role;
  const orgCode = role === 'admin' ? '' : (changes.orgCode ?? (role === before.role ? before.orgCode : ''));
  if (before.username === actor.username && before.role === 'admin' && role !== 'admin') {
    throw new AppError('CONFLICT', '不能取消自己的管理员角色', {
      location: { field: 'role' },
      details: { reason: 'users.own-admin-role' },
    });
  }
  await assertOrganisationFits(db.kysely, role, orgCode);
  const displayName = changes.displayName ?? before.displayName;
  const email = changes.email === undefined ? before.email : changes.email || null;
  return inTransaction(db, async (trx) => {
    const after = await updateUserProfile(trx, username, { role, orgCode, displayName, email });
    if (!after) throw notFound('user', username, `没有用户名为 ${username} 的用户`);
    await recordAudit(trx, actor, {
      action: 'update-user',
      entity: 'user',
      entityKey: username,
      before: { role: before.role, orgCode: before.orgCode, displayName: before.displayName, email: before.email },
      after: { role, orgCode, displayName, email },
    });
    return after;
  });
}
