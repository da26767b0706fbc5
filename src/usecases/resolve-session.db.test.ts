import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { setUnitParent, upsertOrganisation } from '../db/organisations.repo.ts';
import { readProjectWithDetails } from '../db/project-read.repo.ts';
import { touchSession } from '../db/sessions.repo.ts';
import { createUser } from './create-user.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { resolveSession } from './resolve-session.ts';
import { signIn } from './sign-in.ts';

const t0 = new Date('2026-11-24T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describeEachEngine('the session touch and the one-statement project read', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await upsertOrganisation(getDb().kysely, { code: 'B1', name: '财政局', kind: 'bureau', parentCode: null });
    const department = await upsertOrganisation(getDb().kysely, {
      code: 'D7',
      name: '主管部门',
      kind: 'department',
      parentCode: 'B1',
    });
    await setUnitParent(getDb().kysely, '711002', department);
    await createUser(getDb(), SYSTEM_ACTOR, {
      username: 'dora',
      role: 'department',
      orgCode: 'D7',
      password: 'correct-horse',
    });
  });

  const session = () => signIn(getDb(), { username: 'dora', password: 'correct-horse', ip: '10.0.0.1', now: t0 });

  it('slides last_seen at most once a minute, and never backwards', async () => {
    const { token } = await session();
    const lastSeen = async () =>
      (await getDb().kysely.selectFrom('sessions').select('last_seen').executeTakeFirstOrThrow()).last_seen;
    await resolveSession(getDb(), token, minutes(0.5));
    expect(new Date(await lastSeen()).getTime()).toBe(t0.getTime());
    await resolveSession(getDb(), token, minutes(2));
    expect(new Date(await lastSeen()).getTime()).toBe(minutes(2).getTime());
    // A request that read the old last_seen before a concurrent one moved it writes nothing.
    const { id } = await getDb().kysely.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
    await touchSession(getDb().kysely, id, minutes(2.1), minutes(1.1));
    expect(new Date(await lastSeen()).getTime()).toBe(minutes(2).getTime());
    await touchSession(getDb().kysely, id, minutes(3.5), minutes(2.5));
    expect(new Date(await lastSeen()).getTime()).toBe(minutes(3.5).getTime());
  });

  it('reads every seed project exactly as the whole-document reader does', async () => {
    const { document } = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    for (const project of document.projects) {
      const read = await readProjectWithDetails(getDb().kysely, {
        unitCode: '711002',
        fiscalYear: 2020,
        projectCode: project.code,
      });
      expect(read.project?.project).toStrictEqual(project);
    }
    expect(
      await readProjectWithDetails(getDb().kysely, { unitCode: '711002', fiscalYear: 2020, projectCode: 'NO-SUCH' }),
    ).toStrictEqual({ document: true, project: null });
    expect(
      await readProjectWithDetails(getDb().kysely, { unitCode: '711002', fiscalYear: 2031, projectCode: 'X' }),
    ).toStrictEqual({ document: false, project: null });
  });
});
