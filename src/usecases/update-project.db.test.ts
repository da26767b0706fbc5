import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { sampleProject, seedDocument } from '../../test/targets-fixtures.ts';
import { getProject } from './get-project.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { updateProject } from './update-project.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';

const unitYear = { unitCode: '711002', fiscalYear: 2020 };
const seed = seedDocument();
const first = seed.projects[0]!;
const second = seed.projects[1]!;

describeEachEngine('updateProject', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  });

  it('replaces the project whole, indicators and spending plan included, at the version read', async () => {
    const replacement = sampleProject(first.code);
    const updated = await updateProject(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: first.code,
      expectedVersion: 1,
      project: replacement,
    });
    expect(updated).toStrictEqual({ project: replacement, version: 2 });
    const { document, version } = await getTargets(getDb(), unitYear);
    expect(document.projects).toStrictEqual([replacement, ...seed.projects.slice(1)]);
    expect(version).toBe(2);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    await updateProject(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: first.code,
      expectedVersion: 1,
      project: sampleProject(first.code),
    });
    const before = await getTargets(getDb(), unitYear);
    const rows = await countRows(getDb());
    const stale = updateProject(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: first.code,
      expectedVersion: 1,
      project: first,
    });
    const error = await expectAppError(stale, 'CONFLICT');
    expect(error.message).toContain('当前版本 2');
    expect(await getTargets(getDb(), unitYear)).toStrictEqual(before);
    expect(await countRows(getDb())).toEqual(rows);
  });

  it('lets exactly one of two writers holding the same version win', async () => {
    const attempt = (name: string) =>
      updateProject(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        projectCode: first.code,
        expectedVersion: 1,
        project: { ...first, name },
      });
    const results = await Promise.allSettled([attempt('甲的修改'), attempt('乙的修改')]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.find((result) => result.status === 'fulfilled');
    const stored = await getProject(getDb(), { ...unitYear, projectCode: first.code });
    expect(stored).toStrictEqual(winner?.value);
    expect(stored.version).toBe(2);
  });

  it('renames the code in place, unless another project has it', async () => {
    const renamed = await updateProject(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: first.code,
      expectedVersion: 1,
      project: { ...first, code: 'RENAMED-1' },
    });
    expect(renamed.version).toBe(2);
    const { document } = await getTargets(getDb(), unitYear);
    expect(document.projects.map((project) => project.code)).toEqual([
      'RENAMED-1',
      ...seed.projects.slice(1).map((p) => p.code),
    ]);

    const before = await getTargets(getDb(), unitYear);
    await expectAppError(
      updateProject(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        projectCode: 'RENAMED-1',
        expectedVersion: 2,
        project: { ...first, code: second.code },
      }),
      'CONFLICT',
    );
    expect(await getTargets(getDb(), unitYear)).toStrictEqual(before);
  });

  it('treats a re-import as a change: versions read before it are stale', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    expect((await getProject(getDb(), { ...unitYear, projectCode: first.code })).version).toBe(2);
    await expectAppError(
      updateProject(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        projectCode: first.code,
        expectedVersion: 1,
        project: first,
      }),
      'CONFLICT',
    );
  });

  it('answers NOT_FOUND for a missing project or unit-year, and VALIDATION for a bad version', async () => {
    await expectAppError(
      updateProject(getDb(), SYSTEM_ACTOR, { ...unitYear, projectCode: 'NO-SUCH', expectedVersion: 1, project: first }),
      'NOT_FOUND',
    );
    await expectAppError(
      updateProject(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        fiscalYear: 2030,
        projectCode: first.code,
        expectedVersion: 1,
        project: first,
      }),
      'NOT_FOUND',
    );
    await expectAppError(
      updateProject(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        projectCode: first.code,
        expectedVersion: 0,
        project: first,
      }),
      'VALIDATION',
    );
    expect((await getTargets(getDb(), unitYear)).version).toBe(1);
  });
});
