import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { findLiveSession, insertSession } from './sessions.repo.ts';
import { insertUser, setUserDisabled } from './users.repo.ts';

const now = new Date('2026-11-24T08:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

// findLiveSession is hand-written SQL (the hot path skips the query builder): this pins its row to
// SessionWithUser, key for key and type for type, on both engines.
describeEachEngine('the live-session lookup', (getDb) => {
  let userId: number;

  beforeEach(async () => {
    await clearDatabase(getDb());
    const user = await insertUser(getDb().kysely, {
      username: 'sam',
      displayName: '山姆',
      role: 'unit',
      orgCode: '711002',
      passwordHash: 'x',
    });
    userId = user.id;
    await insertSession(getDb().kysely, {
      id: 'session-hash',
      publicId: 'public-1',
      userId,
      csrfToken: 'csrf-1',
      expiresAt: later(60),
      now,
    });
  });

  it('answers the session with its user, typed as SessionWithUser', async () => {
    expect(await findLiveSession(getDb().kysely, 'session-hash', later(1))).toStrictEqual({
      id: 'session-hash',
      csrfToken: 'csrf-1',
      expiresAt: later(60),
      lastSeen: now,
      userId,
      username: 'sam',
      displayName: '山姆',
      role: 'unit',
      orgCode: '711002',
      mustChangePassword: false,
    });
  });

  it('answers nothing for an unknown id, an expired session or a disabled user', async () => {
    expect(await findLiveSession(getDb().kysely, 'other-hash', later(1))).toBeUndefined();
    expect(await findLiveSession(getDb().kysely, 'session-hash', later(60))).toBeUndefined();
    await setUserDisabled(getDb().kysely, 'sam', true);
    expect(await findLiveSession(getDb().kysely, 'session-hash', later(1))).toBeUndefined();
  });
});
