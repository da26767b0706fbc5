import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../db/audit.repo.ts';
import { LOCK_KEYS, withAdvisoryLock } from '../db/advisory-lock.ts';
import type { Db } from '../db/database.ts';
import { listUserRows } from '../db/users.repo.ts';
import { createUser } from './create-user.ts';

export interface FirstAdmin {
  username: string;
  /** Shown once on the console when it was generated; never stored in clear. */
  password: string;
  generated: boolean;
}

/**
 * On a database without an administrator, creates `admin` so that someone can sign in and create
 * the other users: with JIXIAO_ADMIN_PASSWORD when given, else a random password returned to be
 * printed once. Returns null when an administrator exists.
 */
export async function ensureFirstAdmin(db: Db, env: Record<string, string | undefined> = process.env): Promise<FirstAdmin | null> {
  // Several servers starting together on one PostgreSQL: one creates `admin`, the others then see it.
  return withAdvisoryLock(db, LOCK_KEYS.startup, () => createAdminIfNone(db, env));
}

async function createAdminIfNone(db: Db, env: Record<string, string | undefined>): Promise<FirstAdmin | null> {
  const users = await listUserRows(db.kysely);
  if (users.some((user) => user.role === 'admin')) return null;
  const given = env['JIXIAO_ADMIN_PASSWORD'];
  const password = given && given.length > 0 ? given : randomBytes(12).toString('base64url');
  const username = users.some((user) => user.username === 'admin') ? 'jixiao-admin' : 'admin';
  await createUser(db, SYSTEM_ACTOR, { username, role: 'admin', displayName: '系统管理员', password });
  return { username, password, generated: !given };
}
