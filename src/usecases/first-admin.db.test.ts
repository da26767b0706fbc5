import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { listUserRows } from '../db/users.repo.ts';
import { createFirstAdmin } from './ensure-first-admin.ts';
import { getInstanceState } from './get-instance-state.ts';
import { SETUP_LINK_HOURS } from '../domain/session-rules.ts';
import { issueSetupToken } from './issue-setup-token.ts';
import { signIn } from './sign-in.ts';

const GOOD = 'correct-horse-battery-9';
const HOUR = 3_600_000;

describeEachEngine('the first administrator: jixiao setup and the one-time setup link', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
  });

  it('starts with no account at all; setup creates one administrator, then refuses', async () => {
    expect(await listUserRows(getDb().kysely)).toEqual([]);
    expect(await getInstanceState(getDb())).toEqual({ demo: false, needsSetup: true });
    await createFirstAdmin(getDb(), { username: 'boss', password: GOOD, displayName: '信息科' });
    expect((await listUserRows(getDb().kysely)).map((u) => [u.username, u.role, u.displayName])).toEqual([
      ['boss', 'admin', '信息科'],
    ]);
    expect(await getInstanceState(getDb())).toEqual({ demo: false, needsSetup: false });
    await expect(signIn(getDb(), { username: 'boss', password: GOOD, ip: '10.1.1.1' })).resolves.toBeDefined();
    await expect(createFirstAdmin(getDb(), { username: 'second', password: GOOD })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await issueSetupToken(getDb())).toBeNull();
  });

  it('applies the password policy to the first administrator', async () => {
    await expect(createFirstAdmin(getDb(), { username: 'boss', password: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(createFirstAdmin(getDb(), { username: 'boss', password: 'password123' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      createFirstAdmin(getDb(), { username: 'administrator', password: 'administrator-2026' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await listUserRows(getDb().kysely)).toEqual([]);
  });

  it('a setup link works once; a wrong, reused or expired token is refused; a refused password leaves it usable', async () => {
    const now = new Date();
    const link = (await issueSetupToken(getDb(), now))!;
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime() - now.getTime()).toBe(SETUP_LINK_HOURS * HOUR);
    await expect(
      createFirstAdmin(getDb(), { username: 'boss', password: GOOD }, { setupToken: 'x'.repeat(43), now }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createFirstAdmin(getDb(), { username: 'boss', password: 'short' }, { setupToken: link.token, now }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await createFirstAdmin(getDb(), { username: 'boss', password: GOOD }, { setupToken: link.token, now });
    await expect(
      createFirstAdmin(getDb(), { username: 'boss2', password: GOOD }, { setupToken: link.token, now }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listUserRows(getDb().kysely)).map((u) => u.username)).toEqual(['boss']);
  });

  it('an expired link is refused', async () => {
    const issued = new Date('2026-12-01T08:00:00Z');
    const link = (await issueSetupToken(getDb(), issued))!;
    const later = new Date(issued.getTime() + SETUP_LINK_HOURS * HOUR + 1_000);
    await expect(
      createFirstAdmin(getDb(), { username: 'boss', password: GOOD }, { setupToken: link.token, now: later }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await listUserRows(getDb().kysely)).toEqual([]);
  });

  it('two browsers racing with one link, or with two links: exactly one administrator', async () => {
    const one = (await issueSetupToken(getDb()))!;
    const two = (await issueSetupToken(getDb()))!;
    const results = await Promise.allSettled([
      createFirstAdmin(getDb(), { username: 'first', password: GOOD }, { setupToken: one.token }),
      createFirstAdmin(getDb(), { username: 'second', password: GOOD }, { setupToken: one.token }),
      createFirstAdmin(getDb(), { username: 'third', password: GOOD }, { setupToken: two.token }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await listUserRows(getDb().kysely)).filter((u) => u.role === 'admin')).toHaveLength(1);
  });
});
