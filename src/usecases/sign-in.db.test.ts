import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { findUserByUsername } from '../db/users.repo.ts';
import { createUser } from './create-user.ts';
import { setUserEnabled } from './disable-user.ts';
import { resolveSession } from './resolve-session.ts';
import { SESSION_RULES } from '../domain/session-rules.ts';
import { signIn } from './sign-in.ts';

const t0 = new Date('2026-11-24T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const PASSWORD = 'correct-horse-battery';

describeEachEngine('signIn', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await createUser(getDb(), SYSTEM_ACTOR, { username: 'alice', role: 'admin', password: PASSWORD });
  });

  const attempt = (password: string, now = t0, ip = '10.0.0.1', username = 'alice') =>
    signIn(getDb(), { username, password, ip, now, userAgent: 'Mozilla/5.0 test' });

  /** `n` wrong passwords at `now` for `username`; every answer's code. */
  async function failures(n: number, now: Date, username = 'alice'): Promise<string[]> {
    const codes: string[] = [];
    for (let i = 0; i < n; i++) {
      const outcome = await attempt('wrong-password', now, `10.2.${i}.1`, username).then(
        () => 'SIGNED_IN',
        (e: { code: string }) => e.code,
      );
      codes.push(outcome);
    }
    return codes;
  }

  it('opens a session whose token is stored only as a hash, with a separate public id, the address and the browser', async () => {
    const session = await attempt(PASSWORD);
    const rows = await getDb().kysely.selectFrom('sessions').select(['id', 'public_id', 'ip', 'user_agent']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(session.token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.public_id).toMatch(/^[\w-]{16}$/);
    expect(rows[0]!.id).not.toContain(rows[0]!.public_id);
    expect(rows[0]).toMatchObject({ ip: '10.0.0.1', user_agent: 'Mozilla/5.0 test' });
    const resolved = await resolveSession(getDb(), session.token, minutes(1));
    expect(resolved?.actor).toMatchObject({ username: 'alice', role: 'admin', orgCode: '' });
    expect(resolved?.csrfToken).toBe(session.csrfToken);
    expect(resolved?.mustChangePassword).toBe(false);
    expect(await resolveSession(getDb(), `${session.token}x`, minutes(1))).toBeNull();
    expect((await findUserByUsername(getDb().kysely, 'alice'))?.lastSignInAt).toEqual(t0);
  });

  it('ends a session after the idle limit and after its lifetime', async () => {
    const session = await attempt(PASSWORD);
    expect(await resolveSession(getDb(), session.token, minutes(SESSION_RULES.idleMinutes + 1))).toBeNull();
    const second = await attempt(PASSWORD);
    expect(await resolveSession(getDb(), second.token, minutes(SESSION_RULES.sessionHours * 60 + 1))).toBeNull();
  });

  it('locks a name after 5 wrong passwords for 1 minute, then 2, 4 … doubling up to an hour, even for the right password', async () => {
    expect(await failures(5, t0)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'LOCKED',
    ]);
    const locked = await expectAppError(attempt(PASSWORD, minutes(0.9)), 'LOCKED');
    expect(locked.message).toContain('1 分钟');
    // Attempts while locked neither count nor extend the lock.
    let now = 1;
    const expectedLocks = [2, 4, 8, 16, 32, 60, 60];
    for (const lockMinutes of expectedLocks) {
      now += 0.01;
      expect(await failures(5, minutes(now))).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'LOCKED',
      ]);
      await expectAppError(attempt(PASSWORD, minutes(now + lockMinutes - 0.05)), 'LOCKED');
      now += lockMinutes;
    }
    // The right password after the lock: a session, and the name starts afresh.
    expect((await attempt(PASSWORD, minutes(now + 0.01))).actor.username).toBe('alice');
    expect(await failures(5, minutes(now + 0.02))).toContain('LOCKED');
    await expectAppError(attempt(PASSWORD, minutes(now + 0.02 + 0.95)), 'LOCKED');
    expect((await attempt(PASSWORD, minutes(now + 0.02 + 1.01))).actor.username).toBe('alice');
  });

  it("forgets a name's lock level after a quiet day", async () => {
    await failures(5, t0);
    await failures(5, minutes(1.5)); // second lock: 2 minutes
    await failures(5, minutes(SESSION_RULES.forgetLockoutHours * 60 + 10));
    await expectAppError(attempt(PASSWORD, minutes(SESSION_RULES.forgetLockoutHours * 60 + 10.9)), 'LOCKED');
    expect((await attempt(PASSWORD, minutes(SESSION_RULES.forgetLockoutHours * 60 + 11.1))).actor.username).toBe(
      'alice',
    );
  });

  it('answers an unknown name exactly like a wrong password, and locks it the same way', async () => {
    const unknown = await expectAppError(attempt('wrong-password', t0, '10.0.0.2', 'nobody'), 'UNAUTHENTICATED');
    const wrong = await expectAppError(attempt('wrong-password', t0, '10.0.0.2'), 'UNAUTHENTICATED');
    expect(unknown.message).toBe('用户名或密码不正确');
    expect(unknown.message).toBe(wrong.message);
    const lockedUnknown = await failures(4, minutes(0.1), 'nobody');
    const lockedKnown = await failures(4, minutes(0.1), 'alice');
    expect(lockedUnknown).toEqual(lockedKnown);
    const a = await expectAppError(attempt('x-wrong-password', minutes(0.2), '10.0.0.3', 'nobody'), 'LOCKED');
    const b = await expectAppError(attempt('x-wrong-password', minutes(0.2), '10.0.0.3', 'alice'), 'LOCKED');
    expect(a.message).toBe(b.message);
  });

  it('throttles an address for a few minutes after too many failures across names, without locking the accounts', async () => {
    for (let i = 0; i < SESSION_RULES.ipMaxFailures; i++) {
      await expectAppError(attempt('wrong-password', minutes(i * 0.1), '10.9.9.9', `guess${i}`), 'UNAUTHENTICATED');
    }
    const limited = await expectAppError(attempt(PASSWORD, minutes(3), '10.9.9.9'), 'RATE_LIMITED');
    expect(limited.message).toMatch(/请 \d 分钟后再试/);
    // Another address behind another NAT is untouched, and the account is not locked.
    expect((await attempt(PASSWORD, minutes(3), '10.0.0.3')).actor.username).toBe('alice');
    // The window slides: once the oldest failures leave it, the address may try again.
    expect((await attempt(PASSWORD, minutes(SESSION_RULES.ipWindowMinutes + 0.05), '10.9.9.9')).actor.username).toBe(
      'alice',
    );
  });

  it('answers a disabled account with a wrong password like any wrong password; the right password learns it is disabled', async () => {
    await createUser(getDb(), SYSTEM_ACTOR, { username: 'bob', role: 'admin', password: 'violin-harbour-7' });
    const session = await signIn(getDb(), { username: 'bob', password: 'violin-harbour-7', ip: '10.0.0.4', now: t0 });
    await setUserEnabled(getDb(), SYSTEM_ACTOR, { username: 'bob', enabled: false });
    expect(await resolveSession(getDb(), session.token, minutes(1))).toBeNull();
    const wrong = await expectAppError(
      signIn(getDb(), { username: 'bob', password: 'wrong-password', ip: '10.0.0.4', now: t0 }),
      'UNAUTHENTICATED',
    );
    expect(wrong.message).toBe('用户名或密码不正确');
    await expectAppError(
      signIn(getDb(), { username: 'bob', password: 'violin-harbour-7', ip: '10.0.0.4', now: t0 }),
      'FORBIDDEN',
    );
  });

  it('refuses a user whose organisation does not exist or does not fit the role, or whose password breaks the policy', async () => {
    await expectAppError(
      createUser(getDb(), SYSTEM_ACTOR, {
        username: 'u1',
        role: 'bureau',
        orgCode: 'NOPE',
        password: 'long-enough-pw',
      }),
      'VALIDATION',
    );
    await expectAppError(
      createUser(getDb(), SYSTEM_ACTOR, { username: 'alice', role: 'admin', password: 'long-enough-pw' }),
      'CONFLICT',
    );
    const short = await expectAppError(
      createUser(getDb(), SYSTEM_ACTOR, { username: 'u2', role: 'admin', password: 'short-pw' }),
      'VALIDATION',
    );
    expect(short.location?.field).toBe('password');
    await expectAppError(
      createUser(getDb(), SYSTEM_ACTOR, { username: 'u2', role: 'admin', password: 'qwertyuiop' }),
      'VALIDATION',
    );
    await expectAppError(
      createUser(getDb(), SYSTEM_ACTOR, { username: 'zhang', role: 'admin', password: 'i-am-Zhang-2026' }),
      'VALIDATION',
    );
  });
});
