import { type NewUserInput, NewUserInputSchema } from '../contract/usecase-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { type UserRow, assertOrganisationFits, findUserByUsername, insertUser } from '../db/users.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { assertPasswordAllowed } from '../domain/password-policy.ts';
import { validateInput } from '../contract/validate-input.ts';
import { hashPassword, isCommonPassword } from '../db/password-hash.ts';

/**
 * Creates a user with an argon2id-hashed password that passes the password policy; the organisation
 * must exist and fit the role.
 */
export async function createUser(db: Db, actor: Actor, input: NewUserInput): Promise<UserRow> {
  const user = validateInput(NewUserInputSchema, input, '用户');
  assertPasswordAllowed(user.password, user.username, isCommonPassword);
  await assertOrganisationFits(db.kysely, user.role, user.orgCode);
  const passwordHash = await hashPassword(user.password);
  return inTransaction(db, async (trx) => {
    if (await findUserByUsername(trx, user.username)) {
      throw new AppError('CONFLICT', `用户名 ${user.username} 已存在`, {
        location: { field: 'username' },
        details: { reason: 'users.name-taken', code: user.username },
      });
    }
    const created = await insertUser(trx, {
      username: user.username,
      displayName: user.displayName || user.username,
      role: user.role,
      orgCode: user.role === 'admin' ? '' : user.orgCode,
      passwordHash,
    });
    const { username, displayName, role, orgCode } = created;
    await recordAudit(trx, actor, {
      action: 'create-user',
      entity: 'user',
      entityKey: username,
      after: { username, displayName, role, orgCode },
    });
    return created;
  });
}
