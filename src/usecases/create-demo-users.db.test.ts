import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db-engines.ts';
import { DEMO_USERS } from './create-demo-users.ts';
import { getInstanceState } from './get-instance-state.ts';
import { listUnits } from './list-units.ts';
import { loadDemoDataIfEmpty } from './load-demo-data.ts';
import { signIn } from './sign-in.ts';

describeEachEngine('demo users', (getDb) => {
  it('gives every demo role a working password and the units of its organisation, and creates no administrator', async () => {
    expect(await getInstanceState(getDb())).toEqual({ demo: false, needsSetup: true });
    await loadDemoDataIfEmpty(getDb());
    for (const user of DEMO_USERS) {
      const session = await signIn(getDb(), { username: user.username, password: user.password, ip: '127.0.0.9' });
      expect(session.actor).toMatchObject({ username: user.username, role: user.role, orgCode: user.orgCode });
      expect((await listUnits(getDb(), session.actor)).map((u) => u.code)).toEqual(['711002']);
    }
    // The demo is recorded in the database; its accounts include no administrator.
    expect(await getInstanceState(getDb())).toEqual({ demo: true, needsSetup: true });
  });
});
