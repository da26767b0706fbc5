import { sql } from 'kysely';
import type { Role } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import type { Executor } from './schema.ts';
import { escapeLike } from './units.repo.ts';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  /** Where notifications are e-mailed (decision 037); null = none. */
  email: string | null;
}

/** A user as the administrator's list shows it: with the sign-in lockout of the name, if any. */
export interface UserListRow extends UserRow {
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
  mustChangePassword?: boolean;
}

const columns = [
  'users.id',
  'users.username',
  'users.display_name as displayName',
  'users.role',
  'users.org_code as orgCode',
  'users.disabled',
  'users.must_change_password as mustChangePassword',
  'users.last_sign_in_at as lastSignInAt',
  'users.email',
] as const;

export async function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      org_code: user.orgCode,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword ?? false,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserWithHash | undefined> {
  return db
    .selectFrom('users')
    .select([...columns, 'users.password_hash as passwordHash'])
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function listUserRows(db: Executor, orgCodes: string[] | null = null): Promise<UserRow[]> {
  let query = db.selectFrom('users').select(columns).orderBy('users.username');
  if (orgCodes !== null) query = query.where('users.org_code', 'in', orgCodes.length > 0 ? orgCodes : ['\u0000']);
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
    query = query.where(
      sql<boolean>`(lower(users.username) like ${`${pattern}%`} or lower(users.display_name) like ${`%${pattern}%`})`,
    );
  }
  if (filter.role !== undefined) query = query.where('users.role', '=', filter.role);
  if (filter.orgCode !== undefined) query = query.where('users.org_code', '=', filter.orgCode);
  return query;
}

/**
 * One page of the users matching `filter`, by username, and how many match in all (count(*) over
 * the rows); each with its name's sign-in lockout (sign_in_lockouts is keyed by the typed name).
 */
export async function findUserPage(
  db: Executor,
  filter: UserFilter,
  page: { limit: number; offset: number },
): Promise<{ items: UserListRow[]; total: number }> {
  const rows = await filteredUsers(db, filter)
    .leftJoin('sign_in_lockouts as l', 'l.username', 'users.username')
    .select([...columns, 'l.locked_until as lockedUntil', sql<string>`count(*) over ()`.as('total')])
    .orderBy('users.username')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const items = rows.map(({ total: _total, ...user }) => user);
  if (rows.length > 0) return { items, total: Number(rows[0]!.total) };
  if (page.offset === 0) return { items, total: 0 };
  const counted = await filteredUsers(db, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { items, total: Number(counted.n) };
}

/** Returns the user as it is after, or undefined when there is no such user. */
export async function setUserDisabled(db: Executor, username: string, disabled: boolean): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ disabled })
    .where('username', '=', username)
    .returning(columns)
    .executeTakeFirst();
}

/** Role, organisation, display name and e-mail address; returns the user after, or undefined when there is no such user. */
export async function updateUserProfile(
  db: Executor,
  username: string,
  profile: { role: Role; orgCode: string; displayName: string; email: string | null },
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ role: profile.role, org_code: profile.orgCode, display_name: profile.displayName, email: profile.email })
    .where('username', '=', username)
    .returning(columns)
    .executeTakeFirst();
}

/** A new password hash; `mustChange` marks a one-time password the user must replace at the next sign-in. */
export async function setUserPassword(
  db: Executor,
  userId: number,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: mustChange })
    .where('id', '=', userId)
    .execute();
}

export async function recordSignInTime(db: Executor, userId: number, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

/** What an organisation code names: a bureau, a department, a unit, or nothing (also when deactivated: no new users there, decision 020). */
async function kindOfOrgCode(db: Executor, code: string): Promise<'bureau' | 'department' | 'unit' | null> {
  const org = await db
    .selectFrom('organisations')
    .select('kind')
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  if (org) return org.kind;
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return unit ? 'unit' : null;
}

/** Which kinds of organisation each role may belong to. */
const ORG_KINDS: Record<Role, readonly ('bureau' | 'department' | 'unit')[]> = {
  admin: [],
  bureau: ['bureau'],
  department: ['department'],
  unit: ['unit'],
  auditor: ['bureau', 'department'],
};

/** The organisation must exist and be of a kind the role belongs to (none for an admin). */
export async function assertOrganisationFits(db: Executor, role: Role, orgCode: string): Promise<void> {
  const allowed = ORG_KINDS[role];
  if (allowed.length === 0) return;
  const kind = orgCode === '' ? null : await kindOfOrgCode(db, orgCode);
  if (kind === null || !allowed.includes(kind)) {
    const wanted = allowed.map((k) => ({ bureau: '财政局', department: '主管部门', unit: '预算单位' })[k]).join('或');
    throw new AppError('VALIDATION', `角色 ${role} 的所属组织应为已存在且未停用的${wanted}编码（收到“${orgCode}”）`, {
      location: { field: 'orgCode' },
    });
  }
}
