import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit } from '../../test/targets-fixtures.ts';
import { importTargets } from './import-targets.ts';
import { listUnits } from './list-units.ts';
import { SYSTEM_ACTOR } from '../db/audit.repo.ts';

describeEachEngine('listUnits', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  it('is empty on a new database', async () => {
    expect(await listUnits(getDb(), SYSTEM_ACTOR)).toEqual([]);
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
