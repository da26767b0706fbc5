import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  countFailedAttempts,
  deleteExpiredSessions,
  insertSession,
  pruneLoginAttempts,
  recordLoginAttempt,
} from '../db/sessions.repo.ts';
import { type UserWithHash, clearFailedPasswords, findUserByUsername, recordFailedPassword } from '../db/users.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { DUMMY_HASH, verifyPassword } from './password-hash.ts';

/** Login throttling and session lifetime; docs/decisions/007-accounts-sessions.md explains the numbers. */
export const SESSION_RULES = {
  maxFailures: 5,
  lockMinutes: 15,
  ipWindowMinutes: 15,
  ipMaxFailures: 30,
  sessionHours: 12,
  idleMinutes: 120,
} as const;

const MINUTE = 60_000;

export interface NewSession {
  /** The cookie's value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Checks the password and opens a session. Refuses with RATE_LIMITED when the IP has failed too
 * often, LOCKED when the account is locked (5 wrong passwords → 15 minutes), UNAUTHENTICATED for a
 * wrong name or password (the same words for both), FORBIDDEN for a disabled account.
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string; ip: string; now?: Date },
): Promise<NewSession> {
  const now = input.now ?? new Date();
  const username = input.username.trim();
  const trx = db.kysely;
  const ipFailures = await countFailedAttempts(trx, { ip: input.ip }, new Date(now.getTime() - SESSION_RULES.ipWindowMinutes * MINUTE));
  if (ipFailures >= SESSION_RULES.ipMaxFailures) {
    throw new AppError('RATE_LIMITED', `此地址登录失败次数过多，请 ${SESSION_RULES.ipWindowMinutes} 分钟后再试`);
  }
  const user = await findUserByUsername(trx, username);
  if (user?.lockedUntil && user.lockedUntil > now) {
    await recordLoginAttempt(trx, { username, ip: input.ip, succeeded: false, at: now });
    throw lockedError(user.lockedUntil);
  }
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid) {
    await recordLoginAttempt(trx, { username, ip: input.ip, succeeded: false, at: now });
    throw await failedPasswordError(trx, user, username, now);
  }
  if (user.disabled) throw new AppError('FORBIDDEN', `账号 ${username} 已停用，请联系管理员`);
  return openSession(db, user, input.ip, now);
}

async function failedPasswordError(trx: Executor, user: UserWithHash | undefined, username: string, now: Date): Promise<AppError> {
  const lockUntil = new Date(now.getTime() + SESSION_RULES.lockMinutes * MINUTE);
  if (user) {
    const { locked } = await recordFailedPassword(trx, user.id, { maxFailures: SESSION_RULES.maxFailures, lockUntil, now });
    if (locked) return lockedError(lockUntil);
  } else {
    // An unknown name locks like a real one, so that the answers do not tell which names exist.
    const since = new Date(now.getTime() - SESSION_RULES.lockMinutes * MINUTE);
    if ((await countFailedAttempts(trx, { username }, since)) >= SESSION_RULES.maxFailures) return lockedError(lockUntil);
  }
  return new AppError('UNAUTHENTICATED', '用户名或密码不正确');
}

function lockedError(until: Date): AppError {
  const time = until.toISOString().slice(11, 16);
  return new AppError('LOCKED', `密码连续错误 ${SESSION_RULES.maxFailures} 次，账号已锁定至 ${time}（UTC），请稍后再试`);
}

async function openSession(db: Db, user: UserWithHash, ip: string, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_RULES.sessionHours * 60 * MINUTE);
  const actor: Actor = { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, orgCode: user.orgCode };
  await inTransaction(db, async (trx) => {
    await clearFailedPasswords(trx, user.id);
    await recordLoginAttempt(trx, { username: user.username, ip, succeeded: true, at: now });
    await insertSession(trx, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt, now });
    await recordAudit(trx, actor, { action: 'sign-in', entity: 'session', entityKey: user.username, after: { ip } });
    // Housekeeping rides on sign-ins: expired sessions and day-old attempts are of no use.
    await deleteExpiredSessions(trx, now);
    await pruneLoginAttempts(trx, new Date(now.getTime() - 24 * 60 * MINUTE));
  });
  return { token, csrfToken, expiresAt, actor };
}
