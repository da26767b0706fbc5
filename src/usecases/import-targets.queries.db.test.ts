import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { countQueries } from '../../test/query-counter.ts';
import { documentForUnit, sampleProject } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';

function documentWithProjects(unitCode: string, count: number): TargetsDocument {
  const document = documentForUnit(unitCode, `单位 ${unitCode}`);
  document.projects = Array.from({ length: count }, (_, i) => sampleProject(`P-${i + 1}`));
  return document;
}

describeEachEngine('importTargets statement count', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  it('issues as many statements for 30 projects as for 2, on first import and on re-import', async () => {
    const counter = countQueries(getDb());
    const statementsFor = async (document: TargetsDocument): Promise<number> => {
      counter.reset();
      await importTargets(counter.db, SYSTEM_ACTOR, { document, fiscalYear: 2020 });
      return counter.count();
    };
    const small = await statementsFor(documentWithProjects('800001', 2));
    const large = await statementsFor(documentWithProjects('800002', 30));
    // Find what it replaces (locked, with its review state); unit + document; projects with all their details; audit.
    expect([small, large]).toEqual([4, 4]);
    // A re-import also reads the projects it replaces (3 statements) and deletes them (1).
    const smallAgain = await statementsFor(documentWithProjects('800001', 2));
    const largeAgain = await statementsFor(documentWithProjects('800002', 30));
    expect([smallAgain, largeAgain]).toEqual([8, 8]);

    // Every row arrived: 32 projects, each with sampleProject's 2 indicators and 3 checkpoints.
    expect(await countRows(getDb())).toMatchObject({ projects: 32, indicators: 64, spending_checkpoints: 96 });
    const stored = await getTargets(getDb(), { unitCode: '800002', fiscalYear: 2020 });
    expect(stored.document.projects).toStrictEqual(documentWithProjects('800002', 30).projects);
  });

  it('keeps the projects of one statement in document order and bumps survivors to version 2', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: documentWithProjects('800003', 30), fiscalYear: 2020 });
    const reordered = documentWithProjects('800003', 30);
    reordered.projects = [sampleProject('NEW'), ...reordered.projects.slice(10).reverse()];
    await importTargets(getDb(), SYSTEM_ACTOR, { document: reordered, fiscalYear: 2020 });
    const rows = await getDb()
      .kysely.selectFrom('projects')
      .select(['code', 'version', 'position'])
      .orderBy('position')
      .execute();
    expect(rows.map((row) => row.code)).toEqual(['NEW', ...Array.from({ length: 20 }, (_, i) => `P-${30 - i}`)]);
    expect(rows.map((row) => row.version)).toEqual([1, ...Array<number>(20).fill(2)]);
  });
});
