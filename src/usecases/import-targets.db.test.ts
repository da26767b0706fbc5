import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit, sampleProject, seedDocument } from '../../test/targets-fixtures.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { prepareParsedTargets } from '../contract/prepare-targets.ts';
import { storeTargets } from './store-targets.ts';
import { inTransaction } from '../db/transaction.ts';
import { listUnits } from './list-units.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';

describeEachEngine('importTargets', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  /** importTargets without the schema check: what the database itself does with a value. */
  const storeUnchecked = (document: TargetsDocument) =>
    inTransaction(getDb(), (trx) =>
      storeTargets(trx, SYSTEM_ACTOR, prepareParsedTargets({ document, fiscalYear: 2020 })),
    );

  it('stores the seed so that getTargets gives back exactly the exchange JSON, with the year', async () => {
    const result = await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    expect(result).toEqual({ unitCode: '711002', fiscalYear: 2020, projects: 4, indicators: 12, replaced: false });
    const { document, version } = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    expect(document).toStrictEqual({ ...seedDocument(), fiscalYear: 2020 });
    expect(version).toBe(1);
  });

  it('replaces the unit-year whole on re-import and renames the unit', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    const changed = seedDocument();
    changed.unit.name = '山海关区总工会（更名）';
    changed.projects = [changed.projects[2]!, sampleProject('NEW-1')];
    const result = await importTargets(getDb(), SYSTEM_ACTOR, { document: changed, fiscalYear: 2020 });
    expect(result).toMatchObject({
      projects: 2,
      indicators: changed.projects[0]!.indicators.length + 2,
      replaced: true,
    });
    const { document, version } = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    expect(document).toStrictEqual({ ...changed, fiscalYear: 2020 });
    expect(version).toBe(2);
    expect(await listUnits(getDb(), SYSTEM_ACTOR)).toEqual([
      { code: '711002', name: '山海关区总工会（更名）', years: [2020] },
    ]);
    expect((await countRows(getDb())).projects).toBe(2);
  });

  it('keeps several units and fiscal years side by side', async () => {
    const other = documentForUnit('711003', '秦皇岛市山海关区卫生健康局');
    other.projects = [sampleProject('H-1')];
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2021 });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: other, fiscalYear: 2020 });
    const trimmed = seedDocument();
    trimmed.projects = trimmed.projects.slice(0, 1);
    await importTargets(getDb(), SYSTEM_ACTOR, { document: trimmed, fiscalYear: 2021 });

    expect((await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 })).document).toStrictEqual({
      ...seedDocument(),
      fiscalYear: 2020,
    });
    expect((await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2021 })).document).toStrictEqual({
      ...trimmed,
      fiscalYear: 2021,
    });
    expect((await getTargets(getDb(), { unitCode: '711003', fiscalYear: 2020 })).document).toStrictEqual({
      ...other,
      fiscalYear: 2020,
    });
    expect(await listUnits(getDb(), SYSTEM_ACTOR)).toEqual([
      { code: '711002', name: '秦皇岛市山海关区总工会', years: [2020, 2021] },
      { code: '711003', name: '秦皇岛市山海关区卫生健康局', years: [2020] },
    ]);
  });

  it('keeps amounts exact to the fen, up to the largest allowed (10¹³ 元)', async () => {
    const document = seedDocument();
    document.projects = [
      sampleProject('M-1'),
      sampleProject('M-2', { budget: { total: '10000000000000.00', fiscal: '9999999999999.99', other: '0.10' } }),
    ];
    await importTargets(getDb(), SYSTEM_ACTOR, { document, fiscalYear: 2020 });
    const stored = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    expect(stored.document.projects.map((project) => project.budget)).toStrictEqual([
      { total: '12345678901.23', fiscal: '12345678900.00', other: '1.23' },
      { total: '10000000000000.00', fiscal: '9999999999999.99', other: '0.10' },
    ]);
  });

  it('leaves the database exactly as it was when the store fails part-way', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    const before = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    const rowsBefore = await countRows(getDb());
    // PostgreSQL refuses NUL in text: the second project fails inside the database, after the
    // unit, the document and the first project have been written in the same transaction. (The
    // schema refuses NUL before any store; storeUnchecked skips it to reach the database.)
    const poisoned = seedDocument();
    poisoned.unit.name = '改过的名称';
    poisoned.projects[1]!.purpose = 'bad\u0000byte';
    await expect(storeUnchecked(poisoned)).rejects.toThrow(/数据库拒绝了该值.*0x00/);
    expect(await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 })).toStrictEqual(before);
    expect(await countRows(getDb())).toEqual(rowsBefore);

    const newUnit = documentForUnit('799999', '新单位');
    newUnit.projects[1]!.purpose = 'bad\u0000byte';
    await expect(storeUnchecked(newUnit)).rejects.toThrow(/数据库拒绝了该值.*0x00/);
    expect(await listUnits(getDb(), SYSTEM_ACTOR)).toEqual([
      { code: '711002', name: '秦皇岛市山海关区总工会', years: [2020] },
    ]);
  });

  it('refuses a document that breaks the schema, naming each problem by its path', async () => {
    const broken = seedDocument() as unknown as { projects: { budget: { total: string }; name: string }[] };
    broken.projects[0]!.budget.total = '20000';
    broken.projects[2]!.name = '';
    const error = await expectAppError(
      importTargets(getDb(), SYSTEM_ACTOR, { document: broken as unknown as TargetsDocument, fiscalYear: 2020 }),
      'VALIDATION',
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['projects', 0, 'budget', 'total'],
      ['projects', 2, 'name'],
    ]);
    expect(await countRows(getDb())).toMatchObject({ units: 0, projects: 0 });
  });

  it('refuses duplicate project codes and a year that contradicts the document', async () => {
    const duplicated = seedDocument();
    duplicated.projects[3]!.code = duplicated.projects[1]!.code;
    const error = await expectAppError(
      importTargets(getDb(), SYSTEM_ACTOR, { document: duplicated, fiscalYear: 2020 }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([
      { path: ['projects', 3, 'code'], message: expect.stringContaining(duplicated.projects[1]!.code) },
    ]);
    await expectAppError(
      importTargets(getDb(), SYSTEM_ACTOR, { document: { ...seedDocument(), fiscalYear: 2019 }, fiscalYear: 2020 }),
      'VALIDATION',
    );
    await expectAppError(
      importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 1200 }),
      'VALIDATION',
    );
    expect((await countRows(getDb())).units).toBe(0);
  });

  it('recomputes derived fields from the text rather than trusting them', async () => {
    const document = seedDocument();
    const indicator = sampleProject('D-1').indicators[1]!;
    document.projects = [
      sampleProject('D-1', {
        indicators: [{ ...indicator, target: { ...indicator.target, op: '<', value: 1 }, category: 'cost' }],
      }),
    ];
    await importTargets(getDb(), SYSTEM_ACTOR, { document, fiscalYear: 2020 });
    const stored = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    expect(stored.document.projects[0]!.indicators[0]).toStrictEqual(indicator);
  });
});
