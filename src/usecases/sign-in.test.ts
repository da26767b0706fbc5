import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { SYSTEM_ACTOR } from '../db/audit.repo.ts';
import { createUser } from './create-user.ts';
import { setUserEnabled } from './disable-user.ts';
import { resolveSession } from './resolve-session.ts';
import { SESSION_RULES, signIn } from './sign-in.ts';

const t0 = new Date('2026-11-24T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describeEachEngine('signIn', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await createUser(getDb(), SYSTEM_ACTOR, { username: 'alice', role: 'admin', password: 'correct-horse' });
  });

  const attempt = (password: string, now = t0, ip = '10.0.0.1', username = 'alice') => signIn(getDb(), { username, password, ip, now });

  it('opens a session whose token is stored only as a hash, and resolves it back to the user', async () => {
    const session = await attempt('correct-horse');
    const rows = await getDb().kysely.selectFrom('sessions').select(['id', 'csrf_token']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(session.token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    const resolved = await resolveSession(getDb(), session.token, minutes(1));
    expect(resolved?.actor).toMatchObject({ username: 'alice', role: 'admin', orgCode: '' });
    expect(resolved?.csrfToken).toBe(session.csrfToken);
    expect(await resolveSession(getDb(), `${session.token}x`, minutes(1))).toBeNull();
  });

  it('ends a session after the idle limit and after its lifetime', async () => {
    const session = await attempt('correct-horse');
    expect(await resolveSession(getDb(), session.token, minutes(SESSION_RULES.idleMinutes + 1))).toBeNull();
    const second = await attempt('correct-horse');
    expect(await resolveSession(getDb(), second.token, minutes(SESSION_RULES.sessionHours * 60 + 1))).toBeNull();
  });

  it('locks the account on the 5th wrong password for 15 minutes, even for the right password', async () => {
    for (let i = 1; i < SESSION_RULES.maxFailures; i++) await expectAppError(attempt('wrong'), 'UNAUTHENTICATED');
    await expectAppError(attempt('wrong'), 'LOCKED');
    await expectAppError(attempt('correct-horse', minutes(14)), 'LOCKED');
    const later = await attempt('correct-horse', minutes(16));
    expect(later.actor.username).toBe('alice');
  });

  it('answers an unknown name like a wrong password, and locks it the same way', async () => {
    const error = await expectAppError(attempt('x', t0, '10.0.0.2', 'nobody'), 'UNAUTHENTICATED');
    expect(error.message).toBe('用户名或密码不正确');
    for (let i = 2; i < SESSION_RULES.maxFailures; i++) await expectAppError(attempt('x', t0, '10.0.0.2', 'nobody'), 'UNAUTHENTICATED');
    await expectAppError(attempt('x', t0, '10.0.0.2', 'nobody'), 'LOCKED');
  });

  it('throttles an IP after too many failures across names', async () => {
    for (let i = 0; i < SESSION_RULES.ipMaxFailures; i++) {
      await expectAppError(attempt('x', t0, '10.9.9.9', `guess${i}`), 'UNAUTHENTICATED');
    }
    await expectAppError(attempt('correct-horse', minutes(1), '10.9.9.9'), 'RATE_LIMITED');
    expect((await attempt('correct-horse', minutes(1), '10.0.0.3')).actor.username).toBe('alice');
    expect((await attempt('correct-horse', minutes(SESSION_RULES.ipWindowMinutes + 1), '10.9.9.9')).actor.username).toBe('alice');
  });

  it('refuses a disabled user and ends its sessions', async () => {
    await createUser(getDb(), SYSTEM_ACTOR, { username: 'bob', role: 'admin', password: 'bob-password' });
    const session = await signIn(getDb(), { username: 'bob', password: 'bob-password', ip: '10.0.0.4', now: t0 });
    await setUserEnabled(getDb(), SYSTEM_ACTOR, { username: 'bob', enabled: false });
    expect(await resolveSession(getDb(), session.token, minutes(1))).toBeNull();
    await expectAppError(signIn(getDb(), { username: 'bob', password: 'bob-password', ip: '10.0.0.4', now: t0 }), 'FORBIDDEN');
  });

  it('refuses a user whose organisation does not exist or does not fit the role', async () => {
    await expectAppError(createUser(getDb(), SYSTEM_ACTOR, { username: 'u1', role: 'bureau', orgCode: 'NOPE', password: 'long-enough' }), 'VALIDATION');
    await expectAppError(createUser(getDb(), SYSTEM_ACTOR, { username: 'alice', role: 'admin', password: 'long-enough' }), 'CONFLICT');
    await expectAppError(createUser(getDb(), SYSTEM_ACTOR, { username: 'u2', role: 'admin', password: 'short' }), 'VALIDATION');
  });
});
