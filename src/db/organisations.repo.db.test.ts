import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db-engines.ts';
import { ancestorsOfUnit, setUnitParent, unitCodesUnder, upsertOrganisation } from './organisations.repo.ts';
import { getPolicy, policyForUnit, putPolicy } from './policies.repo.ts';
import { upsertUnit } from './units.repo.ts';

describeEachEngine('organisation tree and policies', (getDb) => {
  beforeEach(async () => {
    const db = getDb().kysely;
    await upsertOrganisation(db, { code: 'B', name: '财政局', kind: 'bureau', parentCode: null });
    const dept = await upsertOrganisation(db, { code: 'D', name: '主管部门', kind: 'department', parentCode: 'B' });
    await upsertUnit(db, { code: 'U1', name: '单位一' });
    await upsertUnit(db, { code: 'U2', name: '单位二' });
    await upsertUnit(db, { code: 'U3', name: '游离单位' });
    await setUnitParent(db, 'U1', dept);
    await setUnitParent(
      db,
      'U2',
      await upsertOrganisation(db, { code: 'B', name: '财政局', kind: 'bureau', parentCode: null }),
    );
  });

  it('walks from a unit up to its bureau, nearest first', async () => {
    expect((await ancestorsOfUnit(getDb().kysely, 'U1')).map((o) => o.code)).toEqual(['D', 'B']);
    expect((await ancestorsOfUnit(getDb().kysely, 'U2')).map((o) => o.code)).toEqual(['B']);
    expect(await ancestorsOfUnit(getDb().kysely, 'U3')).toEqual([]);
  });

  it('lists the units under an organisation at any depth, and none outside it', async () => {
    expect(await unitCodesUnder(getDb().kysely, 'B')).toEqual(['U1', 'U2']);
    expect(await unitCodesUnder(getDb().kysely, 'D')).toEqual(['U1']);
    expect(await unitCodesUnder(getDb().kysely, 'nobody')).toEqual([]);
  });

  it("finds the nearest ancestor's policy, falling back to the bureau, else null", async () => {
    const db = getDb().kysely;
    expect(await policyForUnit(db, 'U1', 'review')).toBeNull();
    expect(await putPolicy(db, 'B', 'review', { minIndicators: 3 })).toBe(true);
    expect(await policyForUnit(db, 'U1', 'review')).toEqual({ minIndicators: 3 });
    await putPolicy(db, 'D', 'review', { minIndicators: 5 });
    expect(await policyForUnit(db, 'U1', 'review')).toEqual({ minIndicators: 5 });
    expect(await policyForUnit(db, 'U2', 'review')).toEqual({ minIndicators: 3 });
    expect(await getPolicy(db, 'B', 'scoring')).toBeNull();
    expect(await putPolicy(db, 'nobody', 'review', {})).toBe(false);
  });
});
