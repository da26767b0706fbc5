import { randomInt } from 'node:crypto';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { deleteSessionsOfUser } from '../db/sessions.repo.ts';
import { clearSignInFailures } from '../db/sign-in-lockouts.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { type UserWithHash, findUserByUsername, setUserPassword } from '../db/users.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { checkPassword } from '../domain/password-policy.ts';
import { hashPassword } from './password-hash.ts';
import { assertPasswordAllowed } from './password-rules.ts';

/** No 0/o, 1/l/i: the administrator reads the password out or types it into a message. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** 16 characters of a 31-letter alphabet (~79 bits) in groups of four: xxxx-xxxx-xxxx-xxxx. */
export function generateOneTimePassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    // A random string containing the user's name is astronomically rare, but the policy is the policy.
    if (checkPassword(password, username) === null) return password;
  }
}

/**
 * An administrator's reset: a new one-time password, returned to be shown once and never stored
 * in clear. The user must replace it at the next sign-in (`must_change_password`); every session of
 * the user ends and the name's sign-in lockout is lifted. One's own password is changed, not reset.
 */
export async function resetUserPassword(
  db: Db,
  actor: Actor,
  input: { username: string },
): Promise<{ username: string; password: string }> {
  if (input.username === actor.username) throw new AppError('CONFLICT', '不能重置自己的密码：请在“我的账号”中修改密码');
  const user = await existingUser(db, input.username);
  const password = generateOneTimePassword(user.username);
  await storePassword(db, actor, user, await hashPassword(password), { mustChange: true, action: 'reset-password' });
  return { username: user.username, password };
}

/**
 * Sets a chosen password (the CLI's `user passwd`, run by whoever holds the server): it must pass
 * the policy; `mustChange` makes it a one-time password. Ends the user's sessions.
 */
export async function setPassword(
  db: Db,
  actor: Actor,
  input: { username: string; password: string; mustChange?: boolean },
): Promise<void> {
  const user = await existingUser(db, input.username);
  assertPasswordAllowed(input.password, user.username);
  const mustChange = input.mustChange ?? false;
  await storePassword(db, actor, user, await hashPassword(input.password), { mustChange, action: 'set-password' });
}

async function existingUser(db: Db, username: string): Promise<UserWithHash> {
  const user = await findUserByUsername(db.kysely, username);
  if (!user) throw new AppError('NOT_FOUND', `没有用户名为 ${username} 的用户`);
  return user;
}

async function storePassword(
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
