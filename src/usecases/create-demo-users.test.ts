import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db-engines.ts';
import { DEMO_USERS } from './create-demo-users.ts';
import { ensureFirstAdmin } from './ensure-first-admin.ts';
import { listUnits } from './list-units.ts';
import { loadDemoDataIfEmpty } from './load-demo-data.ts';
import { signIn } from './sign-in.ts';

describeEachEngine('demo users and the first administrator', (getDb) => {
  it('gives every demo role a working password and the units of its organisation', async () => {
    await loadDemoDataIfEmpty(getDb());
    for (const user of DEMO_USERS) {
      const session = await signIn(getDb(), { username: user.username, password: user.password, ip: '127.0.0.9' });
      expect(session.actor).toMatchObject({ username: user.username, role: user.role, orgCode: user.orgCode });
      expect((await listUnits(getDb(), session.actor)).map((u) => u.code)).toEqual(['711002']);
    }
  });

  it('creates admin once, with JIXIAO_ADMIN_PASSWORD or a generated password', async () => {
    const first = await ensureFirstAdmin(getDb(), { JIXIAO_ADMIN_PASSWORD: 'from-the-environment' });
    expect(first).toEqual({ username: 'admin', password: 'from-the-environment', generated: false });
    expect(await ensureFirstAdmin(getDb(), {})).toBeNull();
    const session = await signIn(getDb(), { username: 'admin', password: 'from-the-environment', ip: '127.0.0.9' });
    expect(session.actor.role).toBe('admin');
  });
});
