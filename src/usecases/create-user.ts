import { z } from 'zod';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { type UserRow, findUserByUsername, insertUser, kindOfOrgCode } from '../db/users.repo.ts';
import { type Actor, ROLES, type Role } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { MAX_PASSWORD_LENGTH } from '../domain/password-policy.ts';
import { hashPassword } from './password-hash.ts';
import { assertPasswordAllowed } from './password-rules.ts';
import { validateInput } from './usecase-input.ts';

export const NewUserInputSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{2,64}$/, '用户名应为 2–64 个字母、数字或 _ . @ -'),
  displayName: z.string().trim().max(100).optional(),
  role: z.enum(ROLES),
  orgCode: z.string().trim().max(64).default(''),
  // Length in code points and the rest of the policy: checkPassword (src/domain/password-policy.ts).
  password: z.string().max(MAX_PASSWORD_LENGTH * 4),
});
export type NewUserInput = z.input<typeof NewUserInputSchema>;

/** Which kinds of organisation each role may belong to. */
const ORG_KINDS: Record<Role, readonly ('bureau' | 'department' | 'unit')[]> = {
  admin: [],
  bureau: ['bureau'],
  department: ['department'],
  unit: ['unit'],
  auditor: ['bureau', 'department'],
};

/**
 * Creates a user with an argon2id-hashed password that passes the password policy; the organisation
 * must exist and fit the role.
 */
export async function createUser(db: Db, actor: Actor, input: NewUserInput): Promise<UserRow> {
  const user = validateInput(NewUserInputSchema, input, '用户');
  assertPasswordAllowed(user.password, user.username);
  await assertOrganisationFits(db, user.role, user.orgCode);
  const passwordHash = await hashPassword(user.password);
  return inTransaction(db, async (trx) => {
    if (await findUserByUsername(trx, user.username)) {
      throw new AppError('CONFLICT', `用户名 ${user.username} 已存在`, { location: { field: 'username' } });
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

/** The organisation must exist and be of a kind the role belongs to (none for an admin). */
export async function assertOrganisationFits(db: Db, role: Role, orgCode: string): Promise<void> {
  const allowed = ORG_KINDS[role];
  if (allowed.length === 0) return;
  const kind = orgCode === '' ? null : await kindOfOrgCode(db.kysely, orgCode);
  if (kind === null || !allowed.includes(kind)) {
    const wanted = allowed.map((k) => ({ bureau: '财政局', department: '主管部门', unit: '预算单位' })[k]).join('或');
    throw new AppError('VALIDATION', `角色 ${role} 的所属组织应为已存在且未停用的${wanted}编码（收到“${orgCode}”）`, {
      location: { field: 'orgCode' },
    });
  }
}
