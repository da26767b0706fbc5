import { randomBytes } from 'node:crypto';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  deleteExpiredSessions,
  insertSession,
  maxthRecentFailureOfIp,
  pruneLoginAttempts,
  recordLoginAttempt,
  sessionIdOf,
} from '../db/sessions.repo.ts';
import {
  LOCKOUT,
  clearSignInFailures,
  findLockedUntil,
  pruneSignInLockouts,
  recordSignInFailure,
} from '../db/sign-in-lockouts.repo.ts';
import { type UserWithHash, findUserByUsername, recordSignInTime } from '../db/users.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { DUMMY_HASH, verifyPassword } from '../db/password-hash.ts';
import { SESSION_RULES } from '../domain/session-rules.ts';

const MINUTE = 60_000;
/** Stored with a session so its owner can recognise it; longer agents are cut. */
const MAX_USER_AGENT = 300;

export interface NewSession {
  /** The cookie's value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
  mustChangePassword: boolean;
}

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
  now?: Date;
}

/**
 * Checks the password and opens a session. An attacker learns nothing about which names exist:
 * an unknown name, a wrong password, a locked name and a disabled account with a wrong password
 * all read the user and the lockout, verify one argon2id hash (a dummy one for an unknown name),
 * count the failure against the typed name and answer alike — UNAUTHENTICATED, or LOCKED with the
 * same words once the name is locked. Only the right password of a disabled account is told it is
 * disabled (FORBIDDEN): whoever knows the password learns nothing new. RATE_LIMITED when the
 * address failed too often in the last few minutes.
 */
export async function signIn(db: Db, input: SignInInput): Promise<NewSession> {
  const now = input.now ?? new Date();
  const username = input.username.trim();
  await assertAddressNotThrottled(db, input.ip, now);
  const user = await findUserByUsername(db.kysely, username);
  const lockedUntil = await findLockedUntil(db.kysely, username, now);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid || lockedUntil !== null) {
    const lock = await inTransaction(db, async (trx) => {
      await recordLoginAttempt(trx, { username, ip: input.ip, succeeded: false, at: now });
      return recordSignInFailure(trx, username, LOCKOUT, now);
    });
    throw lock !== null
      ? lockedError(lock, now)
      : new AppError('UNAUTHENTICATED', '用户名或密码不正确', { details: { reason: 'auth.wrong-credentials' } });
  }
  if (user.disabled) {
    await recordLoginAttempt(db.kysely, { username, ip: input.ip, succeeded: false, at: now });
    throw new AppError('FORBIDDEN', '此账号已停用，请联系管理员', { details: { reason: 'auth.account-disabled' } });
  }
  return openSession(db, user, { ip: input.ip, userAgent: input.userAgent ?? '', now });
}

/** The per-address limit: the address is free again once its max-th most recent failure leaves the window. */
async function assertAddressNotThrottled(db: Db, ip: string, now: Date): Promise<void> {
  const windowMs = SESSION_RULES.ipWindowMinutes * MINUTE;
  const since = new Date(now.getTime() - windowMs);
  const reached = await maxthRecentFailureOfIp(db.kysely, ip, since, SESSION_RULES.ipMaxFailures);
  if (reached === null) return;
  const minutes = Math.max(1, Math.ceil((reached.getTime() + windowMs - now.getTime()) / MINUTE));
  throw new AppError('RATE_LIMITED', `此地址登录失败次数过多，请 ${minutes} 分钟后再试`, {
    details: { reason: 'auth.address-limited', minutes },
  });
}

/** The same words for every name: nothing in them depends on whether the account exists. */
function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  return new AppError('LOCKED', `登录失败次数过多，此用户名已暂时锁定，请 ${minutes} 分钟后再试`, {
    details: { reason: 'auth.account-locked', minutes },
  });
}

async function openSession(
  db: Db,
  user: UserWithHash,
  client: { ip: string; userAgent: string; now: Date },
): Promise<NewSession> {
  const { ip, now } = client;
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_RULES.sessionHours * 60 * MINUTE);
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgCode: user.orgCode,
  };
  await inTransaction(db, async (trx) => {
    await clearSignInFailures(trx, user.username);
    await recordSignInTime(trx, user.id, now);
    await recordLoginAttempt(trx, { username: user.username, ip, succeeded: true, at: now });
    await insertSession(trx, {
      id: sessionIdOf(token),
      publicId: randomBytes(12).toString('base64url'),
      userId: user.id,
      csrfToken,
      expiresAt,
      now,
      ip,
      userAgent: client.userAgent.slice(0, MAX_USER_AGENT),
    });
    await recordAudit(trx, actor, { action: 'sign-in', entity: 'session', entityKey: user.username, after: { ip } });
    // Housekeeping rides on sign-ins: expired sessions, day-old attempts and forgotten lockouts are of no use.
    await deleteExpiredSessions(trx, now);
    await pruneLoginAttempts(trx, new Date(now.getTime() - 24 * 60 * MINUTE));
    await pruneSignInLockouts(trx, new Date(now.getTime() - SESSION_RULES.forgetLockoutHours * 60 * MINUTE));
  });
  return { token, csrfToken, expiresAt, actor, mustChangePassword: user.mustChangePassword };
}
