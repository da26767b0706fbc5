import type { Db } from '../db/database.ts';
import { hashPassword, isCommonPassword } from '../db/password-hash.ts';
import { requireUser, storePassword } from '../db/user-password.repo.ts';
import type { Actor } from '../domain/access.ts';
import { assertPasswordAllowed } from '../domain/password-policy.ts';

/**
 * Sets a chosen password (the CLI's `user passwd`, run by whoever holds the server): it must pass
 * the policy; `mustChange` makes it a one-time password. Ends the user's sessions.
 */
export async function setPassword(
  db: Db,
  actor: Actor,
  input: { username: string; password: string; mustChange?: boolean },
): Promise<void> {
  const user = await requireUser(db.kysely, input.username);
  assertPasswordAllowed(input.password, user.username, isCommonPassword);
  const mustChange = input.mustChange ?? false;
  await storePassword(db, actor, user, await hashPassword(input.password), { mustChange, action: 'set-password' });
}
