import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit } from '../../test/targets-fixtures.ts';
import { setUnitParent, upsertOrganisation } from '../db/organisations.repo.ts';
import { type Actor, SYSTEM_ACTOR } from '../domain/access.ts';
import { importTargets } from './import-targets.ts';
import { listFiscalYears } from './list-fiscal-years.ts';
import { listUnitPage } from './list-unit-page.ts';
import { listUnits } from './list-units.ts';

const actor = (role: Actor['role'], orgCode: string): Actor => ({
  userId: 1,
  username: role,
  displayName: role,
  role,
  orgCode,
});

describeEachEngine('listUnits', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  it('is empty on a new database', async () => {
    expect(await listUnits(getDb(), SYSTEM_ACTOR)).toEqual([]);
    expect(await listUnitPage(getDb(), SYSTEM_ACTOR)).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
  });

  it('lists units by code, each with its years ascending', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: documentForUnit('802', '乙单位'), fiscalYear: 2021 });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: documentForUnit('801', '甲单位'), fiscalYear: 2022 });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: documentForUnit('801', '甲单位'), fiscalYear: 2020 });
    expect(await listUnits(getDb(), SYSTEM_ACTOR)).toEqual([
      { code: '801', name: '甲单位', years: [2020, 2022] },
      { code: '802', name: '乙单位', years: [2021] },
    ]);
  });
});

describeEachEngine('listUnitPage', (getDb) => {
  // Bureau B → departments D1 (units 101, 102, 103), D2 (unit 201); unit 900 hangs under no one.
  beforeEach(async () => {
    const db = getDb();
    await clearDatabase(db);
    const units: [string, string, number[]][] = [
      ['101', '文化馆', [2020, 2021]],
      ['102', '图书馆', [2021]],
      ['103', '博物馆_旧址', [2020]],
      ['201', '体育中心', [2020]],
      ['900', '独立单位', [2019]],
    ];
    for (const [code, name, years] of units) {
      for (const year of years)
        await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit(code, name), fiscalYear: year });
    }
    await upsertOrganisation(db.kysely, { code: 'B', name: '财政局', kind: 'bureau', parentCode: null });
    await upsertOrganisation(db.kysely, { code: 'D1', name: '文旅局', kind: 'department', parentCode: 'B' });
    await upsertOrganisation(db.kysely, { code: 'D2', name: '体育局', kind: 'department', parentCode: 'B' });
    for (const code of ['101', '102', '103'])
      await setUnitParent(
        db.kysely,
        code,
        (await db.kysely.selectFrom('organisations').select('id').where('code', '=', 'D1').executeTakeFirstOrThrow())
          .id,
      );
    await setUnitParent(
      db.kysely,
      '201',
      (await db.kysely.selectFrom('organisations').select('id').where('code', '=', 'D2').executeTakeFirstOrThrow()).id,
    );
  });

  const codes = (page: { items: { code: string }[] }) => page.items.map((u) => u.code);

  it('pages by code and counts every match', async () => {
    const second = await listUnitPage(getDb(), SYSTEM_ACTOR, { page: 2, pageSize: 2 });
    expect(second).toEqual({
      items: [
        { code: '103', name: '博物馆_旧址', years: [2020] },
        { code: '201', name: '体育中心', years: [2020] },
      ],
      total: 5,
      page: 2,
      pageSize: 2,
    });
    expect(await listUnitPage(getDb(), SYSTEM_ACTOR, { page: 9, pageSize: 2 })).toEqual({
      items: [],
      total: 5,
      page: 9,
      pageSize: 2,
    });
  });

  it('narrows to what the actor may read, in SQL', async () => {
    expect(codes(await listUnitPage(getDb(), actor('bureau', 'B')))).toEqual(['101', '102', '103', '201']);
    expect(codes(await listUnitPage(getDb(), actor('department', 'D2')))).toEqual(['201']);
    expect(codes(await listUnitPage(getDb(), actor('unit', '102')))).toEqual(['102']);
    expect(await listUnitPage(getDb(), actor('department', ''))).toMatchObject({ items: [], total: 0 });
    expect(await listFiscalYears(getDb(), actor('bureau', 'B'))).toEqual([2021, 2020]);
    expect(await listFiscalYears(getDb(), SYSTEM_ACTOR)).toEqual([2021, 2020, 2019]);
  });

  it('filters by code prefix or part of the name, year and organisation', async () => {
    expect(codes(await listUnitPage(getDb(), SYSTEM_ACTOR, { search: '10' }))).toEqual(['101', '102', '103']);
    expect(codes(await listUnitPage(getDb(), SYSTEM_ACTOR, { search: '01' }))).toEqual([]);
    expect(codes(await listUnitPage(getDb(), SYSTEM_ACTOR, { search: '馆' }))).toEqual(['101', '102', '103']);
    // "_" is a character here, not LIKE's any-one-character.
    expect(codes(await listUnitPage(getDb(), SYSTEM_ACTOR, { search: '馆_' }))).toEqual(['103']);
    const year2021 = await listUnitPage(getDb(), SYSTEM_ACTOR, { year: 2021 });
    expect(year2021.items).toEqual([
      { code: '101', name: '文化馆', years: [2020, 2021] },
      { code: '102', name: '图书馆', years: [2021] },
    ]);
    expect(codes(await listUnitPage(getDb(), SYSTEM_ACTOR, { orgCode: 'D1', year: 2020 }))).toEqual(['101', '103']);
    expect(codes(await listUnitPage(getDb(), actor('department', 'D2'), { orgCode: 'D1' }))).toEqual([]);
  });

  it('rejects a page size over 200', async () => {
    await expect(listUnitPage(getDb(), SYSTEM_ACTOR, { pageSize: 201 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
