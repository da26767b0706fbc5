import { z } from 'zod';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { type UserRow, findUserByUsername, updateUserProfile } from '../db/users.repo.ts';
import { type Actor, ROLES } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { NewUserInputSchema } from '../contract/usecase-input.ts';
import { assertOrganisationFits } from '../db/users.repo.ts';
import { validateInput } from '../contract/validate-input.ts';

const UserChangesSchema = z.object({
  role: z.enum(ROLES).optional(),
  orgCode: NewUserInputSchema.shape.orgCode.optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
});
export type UserChanges = z.input<typeof UserChangesSchema>;

/**
 * An administrator assigns a user's role, organisation or display name; what is not given stays.
 * The organisation must exist and fit the (new) role; an admin belongs to none. Sessions stay
 * open: each request reads the user's role afresh, so the change applies at once. An
 * administrator cannot take the admin role from themself (that could leave nobody to manage users).
 */
export async function updateUser(db: Db, actor: Actor, username: string, input: UserChanges): Promise<UserRow> {
  const changes = validateInput(UserChangesSchema, input, '用户');
  const before = await findUserByUsername(db.kysely, username);
  if (!before) throw new AppError('NOT_FOUND', `没有用户名为 ${username} 的用户`);
  const role = changes.role ?? before.role;
  const orgCode = role === 'admin' ? '' : (changes.orgCode ?? (role === before.role ? before.orgCode : ''));
  if (before.username === actor.username && before.role === 'admin' && role !== 'admin') {
    throw new AppError('CONFLICT', '不能取消自己的管理员角色', { location: { field: 'role' } });
  }
  await assertOrganisationFits(db.kysely, role, orgCode);
  const displayName = changes.displayName ?? before.displayName;
  return inTransaction(db, async (trx) => {
    const after = await updateUserProfile(trx, username, { role, orgCode, displayName });
    if (!after) throw new AppError('NOT_FOUND', `没有用户名为 ${username} 的用户`);
    await recordAudit(trx, actor, {
      action: 'update-user',
      entity: 'user',
      entityKey: username,
      before: { role: before.role, orgCode: before.orgCode, displayName: before.displayName },
      after: { role, orgCode, displayName },
    });
    return after;
  });
}
