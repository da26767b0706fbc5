import { randomInt } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { hashPassword, isCommonPassword } from '../db/password-hash.ts';
import { requireUser, storePassword } from '../db/user-password.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { checkPassword } from '../domain/password-policy.ts';

/** No 0/o, 1/l/i: the administrator reads the password out or types it into a message. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** 16 characters of a 31-letter alphabet (~79 bits) in groups of four: xxxx-xxxx-xxxx-xxxx. */
function generateOneTimePassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    // A random string containing the user's name is astronomically rare, but the policy is the policy.
    if (checkPassword(password, username, isCommonPassword) === null) return password;
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
  const user = await requireUser(db.kysely, input.username);
  const password = generateOneTimePassword(user.username);
  await storePassword(db, actor, user, await hashPassword(password), { mustChange: true, action: 'reset-password' });
  return { username: user.username, password };
}
