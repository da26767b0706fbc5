import { sql } from 'kysely';
import type { Role } from '../domain/access.ts';
import type { Executor } from './schema.ts';
import { escapeLike } from './units.repo.ts';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  disabled: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
}

export interface UserWithHash extends UserRow {
  passwordHash: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  passwordHash: string;
}

const columns = [
  'id',
  'username',
  'display_name as displayName',
  'role',
  'org_code as orgCode',
  'disabled',
  'failed_attempts as failedAttempts',
  'locked_until as lockedUntil',
] as const;

export async function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ username: user.username, display_name: user.displayName, role: user.role, org_code: user.orgCode, password_hash: user.passwordHash })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserWithHash | undefined> {
  return db.selectFrom('users').select([...columns, 'password_hash as passwordHash']).where('username', '=', username).executeTakeFirst();
}

export async function listUserRows(db: Executor, orgCodes: string[] | null = null): Promise<UserRow[]> {
  let query = db.selectFrom('users').select(columns).orderBy('username');
  if (orgCodes !== null) query = query.where('org_code', 'in', orgCodes.length > 0 ? orgCodes : ['\u0000']);
  return query.execute();
}

export interface UserFilter {
  /** A username prefix or any part of the display name, case-insensitive. */
  search?: string;
  role?: Role;
  /** Exactly this organisation code ('' = users without one). */
  orgCode?: string;
}

function filteredUsers(db: Executor, filter: UserFilter) {
  let query = db.selectFrom('users');
  const search = filter.search?.trim();
  if (search) {
    const pattern = escapeLike(search.toLowerCase());
    query = query.where(sql<boolean>`(lower(username) like ${`${pattern}%`} or lower(display_name) like ${`%${pattern}%`})`);
  }
  if (filter.role !== undefined) query = query.where('role', '=', filter.role);
  if (filter.orgCode !== undefined) query = query.where('org_code', '=', filter.orgCode);
  return query;
}

/** One page of the users matching `filter`, by username, and how many match in all (count(*) over the rows). */
export async function findUserPage(db: Executor, filter: UserFilter, page: { limit: number; offset: number }): Promise<{ items: UserRow[]; total: number }> {
  const rows = await filteredUsers(db, filter)
    .select([...columns, sql<string>`count(*) over ()`.as('total')])
    .orderBy('username')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const items = rows.map(({ total: _total, ...user }) => user);
  if (rows.length > 0) return { items, total: Number(rows[0]!.total) };
  if (page.offset === 0) return { items, total: 0 };
  const counted = await filteredUsers(db, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(counted.n) };
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Returns the user as it was before, or undefined when there is no such user. */
export async function setUserDisabled(db: Executor, username: string, disabled: boolean): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ disabled }).where('username', '=', username).returning(columns).executeTakeFirst();
}

export async function setUserPassword(db: Executor, username: string, passwordHash: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null })
    .where('username', '=', username)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Counts one more failed password in one statement (so concurrent processes cannot lose a count)
 * and, at `maxFailures`, locks the account until `lockUntil`, restarting the count.
 */
export async function recordFailedPassword(
  db: Executor,
  userId: number,
  rule: { maxFailures: number; lockUntil: Date; now: Date },
): Promise<{ locked: boolean }> {
  const { maxFailures, lockUntil, now } = rule;
  const row = await db
    .updateTable('users')
    .set({
      failed_attempts: sql`case when failed_attempts + 1 >= ${maxFailures} then 0 else failed_attempts + 1 end`,
      locked_until: sql`case when failed_attempts + 1 >= ${maxFailures} then ${lockUntil}::timestamptz else locked_until end`,
    })
    .where('id', '=', userId)
    .returning('locked_until as lockedUntil')
    .executeTakeFirst();
  return { locked: row?.lockedUntil != null && row.lockedUntil > now };
}

export async function clearFailedPasswords(db: Executor, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
}

/** What an organisation code names: a bureau, a department, a unit, or nothing. */
export async function kindOfOrgCode(db: Executor, code: string): Promise<'bureau' | 'department' | 'unit' | null> {
  const org = await db.selectFrom('organisations').select('kind').where('code', '=', code).executeTakeFirst();
  if (org) return org.kind;
  const unit = await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
  return unit ? 'unit' : null;
}
