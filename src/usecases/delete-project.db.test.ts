import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { deleteProject } from './delete-project.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';

const unitYear = { unitCode: '711002', fiscalYear: 2020 };
const seed = seedDocument();
const victim = seed.projects[1]!;

describeEachEngine('deleteProject', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  });

  it('removes the project with its indicators and spending plan, and bumps the document version', async () => {
    const rows = await countRows(getDb());
    await deleteProject(getDb(), SYSTEM_ACTOR, { ...unitYear, projectCode: victim.code, expectedVersion: 1 });
    const { document, version } = await getTargets(getDb(), unitYear);
    expect(document.projects).toStrictEqual(seed.projects.filter((project) => project.code !== victim.code));
    expect(version).toBe(2);
    expect(await countRows(getDb())).toEqual({
      ...rows,
      projects: rows.projects - 1,
      indicators: rows.indicators - victim.indicators.length,
      spending_checkpoints: rows.spending_checkpoints - victim.spendingPlan.length,
    });
  });

  it('refuses a stale version with CONFLICT and keeps the project', async () => {
    const before = await getTargets(getDb(), unitYear);
    await expectAppError(
      deleteProject(getDb(), SYSTEM_ACTOR, { ...unitYear, projectCode: victim.code, expectedVersion: 7 }),
      'CONFLICT',
    );
    expect(await getTargets(getDb(), unitYear)).toStrictEqual(before);
  });

  it('answers NOT_FOUND for a project that is not there', async () => {
    await deleteProject(getDb(), SYSTEM_ACTOR, { ...unitYear, projectCode: victim.code, expectedVersion: 1 });
    await expectAppError(
      deleteProject(getDb(), SYSTEM_ACTOR, { ...unitYear, projectCode: victim.code, expectedVersion: 1 }),
      'NOT_FOUND',
    );
    await expectAppError(
      deleteProject(getDb(), SYSTEM_ACTOR, {
        unitCode: '000000',
        fiscalYear: 2020,
        projectCode: victim.code,
        expectedVersion: 1,
      }),
      'NOT_FOUND',
    );
  });
});
