import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { sampleProject, seedDocument } from '../../test/targets-fixtures.ts';
import type { Project } from '../domain/targets.ts';
import { createProject } from './create-project.ts';
import { deleteProject } from './delete-project.ts';
import { getProject } from './get-project.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';

const unitYear = { unitCode: '711002', fiscalYear: 2020 };

describeEachEngine('createProject and getProject', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  });

  it('appends the project at version 1 and bumps the document version', async () => {
    const created = await createProject(getDb(), SYSTEM_ACTOR, { ...unitYear, project: sampleProject('NEW-1') });
    expect(created).toStrictEqual({ project: sampleProject('NEW-1'), version: 1 });
    const { document, version } = await getTargets(getDb(), unitYear);
    expect(document.projects.map((project) => project.code)).toEqual([
      ...seedDocument().projects.map((p) => p.code),
      'NEW-1',
    ]);
    expect(version).toBe(2);
    expect(await getProject(getDb(), { ...unitYear, projectCode: 'NEW-1' })).toStrictEqual(created);
  });

  it('appends after the last project even when an earlier one was deleted', async () => {
    const first = seedDocument().projects[0]!.code;
    await deleteProject(getDb(), SYSTEM_ACTOR, { ...unitYear, projectCode: first, expectedVersion: 1 });
    await createProject(getDb(), SYSTEM_ACTOR, { ...unitYear, project: sampleProject('NEW-2') });
    const { document } = await getTargets(getDb(), unitYear);
    expect(document.projects.at(-1)?.code).toBe('NEW-2');
    expect(document.projects).toHaveLength(4);
  });

  it('refuses a code the unit-year already has, changing nothing', async () => {
    const before = await getTargets(getDb(), unitYear);
    const taken = seedDocument().projects[1]!.code;
    await expectAppError(
      createProject(getDb(), SYSTEM_ACTOR, { ...unitYear, project: sampleProject(taken) }),
      'CONFLICT',
    );
    expect(await getTargets(getDb(), unitYear)).toStrictEqual(before);
  });

  it('answers NOT_FOUND for a unit-year without targets', async () => {
    const rows = await countRows(getDb());
    await expectAppError(
      createProject(getDb(), SYSTEM_ACTOR, { unitCode: '711002', fiscalYear: 2030, project: sampleProject('X') }),
      'NOT_FOUND',
    );
    await expectAppError(getProject(getDb(), { ...unitYear, projectCode: 'NO-SUCH' }), 'NOT_FOUND');
    await expectAppError(getProject(getDb(), { unitCode: '711002', fiscalYear: 2030, projectCode: 'X' }), 'NOT_FOUND');
    expect(await countRows(getDb())).toEqual(rows);
  });

  it('validates the project and stores it normalised', async () => {
    const bad = { ...sampleProject('BAD'), budget: { total: '1.5', fiscal: null, other: null } };
    const error = await expectAppError(
      createProject(getDb(), SYSTEM_ACTOR, { ...unitYear, project: bad }),
      'VALIDATION',
    );
    expect(error.issues[0]?.path).toEqual(['budget', 'total']);

    // Codes are refused, not trimmed, when they carry spaces (decision 020); names and goals are tidied.
    const sloppy: Project = { ...sampleProject('TRIM-1'), name: '  测试项目   TRIM-1 ', goals: ['  完成测试 ', ''] };
    sloppy.indicators = sloppy.indicators.map((indicator) => ({
      ...indicator,
      category: null,
      target: { ...indicator.target, op: null },
    }));
    const created = await createProject(getDb(), SYSTEM_ACTOR, { ...unitYear, project: sloppy });
    expect(created.project).toStrictEqual({ ...sampleProject('TRIM-1'), name: '测试项目   TRIM-1' });
  });

  it('needs only the raw text of a target and the level-1 name: the rest is derived', async () => {
    const full = sampleProject('RAW-1');
    const indicators = full.indicators.map(({ category: _category, target, ...indicator }) => ({
      ...indicator,
      target: { raw: target.raw },
    }));
    const created = await createProject(getDb(), SYSTEM_ACTOR, { ...unitYear, project: { ...full, indicators } });
    expect(created.project).toStrictEqual(full);
  });
});
