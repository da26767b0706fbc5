import type { Db } from '../db/database.ts';
import { type UserRow, listUserRows } from '../db/users.repo.ts';

/** Every user, by username, without password hashes (the CLI's `user list`). Only admins manage users (docs/permissions.md). */
export async function listUsers(db: Db): Promise<UserRow[]> {
  return listUserRows(db.kysely);
}
