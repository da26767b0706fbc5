import { z } from 'zod';
import { LOCK_KEYS, takeAdvisoryXactLock } from '../db/advisory-lock.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { Db } from '../db/database.ts';
import { consumeSetupToken, deleteSetupTokens, hasAdministrator } from '../db/instance.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { type UserRow, findUserByUsername, insertUser } from '../db/users.repo.ts';
import { AppError } from '../domain/errors.ts';
import { checkPassword } from '../domain/password-policy.ts';
import { NewUserInputSchema } from '../contract/usecase-input.ts';
import { hashPassword, isCommonPassword } from '../db/password-hash.ts';
import { setupTokenHash } from '../db/instance.repo.ts';
import { validateInput } from '../contract/validate-input.ts';

const FirstAdminInputSchema = z.object({
  username: NewUserInputSchema.shape.username,
  displayName: NewUserInputSchema.shape.displayName,
  password: z.string().max(1000),
});
export type FirstAdminInput = z.input<typeof FirstAdminInputSchema>;

export interface FirstAdminOptions {
  /** The token of a setup link (the web page); the CLI, run by whoever holds the server, needs none. */
  setupToken?: string;
  now?: Date;
}

/**
 * Creates the installation's first administrator — and refuses once one exists, so neither
 * `jixiao setup` nor a setup link can be used to take over a running system. Everything happens in
 * one transaction holding the start-up advisory lock: of several servers, CLIs or browsers racing,
 * one creates the administrator and the others find it there (CONFLICT). A setup link's token is
 * consumed in the same transaction, so a failed attempt (a refused password) leaves it usable.
 */
export async function createFirstAdmin(
  db: Db,
  input: FirstAdminInput,
  options: FirstAdminOptions = {},
): Promise<UserRow> {
  const admin = validateInput(FirstAdminInputSchema, input, '管理员');
  const refused = checkPassword(admin.password, admin.username, isCommonPassword);
  if (refused !== null) throw new AppError('VALIDATION', refused, { location: { field: 'password' } });
  const passwordHash = await hashPassword(admin.password);
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx) => {
    await takeAdvisoryXactLock(trx, LOCK_KEYS.startup);
    if (options.setupToken !== undefined && !(await consumeSetupToken(trx, setupTokenHash(options.setupToken), now))) {
      throw new AppError(
        'FORBIDDEN',
        '设置链接无效、已被使用或已过期：请重新启动 jixiao serve 获取新链接，或在服务器上运行 jixiao setup',
        { location: { field: 'token' } },
      );
    }
    if (await hasAdministrator(trx))
      throw new AppError('CONFLICT', '已有管理员账号：请用管理员登录后在“用户”中新建账号');
    if (await findUserByUsername(trx, admin.username)) {
      throw new AppError('CONFLICT', `用户名 ${admin.username} 已存在`, { location: { field: 'username' } });
    }
    const created = await insertUser(trx, {
      username: admin.username,
      displayName: admin.displayName || admin.username,
      role: 'admin',
      orgCode: '',
      passwordHash,
    });
    // Any other link printed by another server is void from now on.
    await deleteSetupTokens(trx);
    const { username, displayName, role } = created;
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'create-first-admin',
      entity: 'user',
      entityKey: username,
      after: { username, displayName, role },
    });
    return created;
  });
}
