import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { sampleProject, seedDocument } from '../../test/targets-fixtures.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';

describeEachEngine('getTargets', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  it('gives projects, indicators and the spending plan in stored order, not sorted', async () => {
    const base = sampleProject('Z-9');
    const document = seedDocument();
    document.projects = [
      {
        ...base,
        spendingPlan: [
          { month: 12, cumulativePercent: 100 },
          { month: 3, cumulativePercent: 12.5 },
        ],
      },
      sampleProject('A-1', { indicators: [...base.indicators].reverse() }),
      sampleProject('M-5', { spendingPlan: [], indicators: [], goals: [] }),
    ];
    await importTargets(getDb(), SYSTEM_ACTOR, { document, fiscalYear: 2022 });
    const stored = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2022 });
    expect(stored.document).toStrictEqual({ ...document, fiscalYear: 2022 });
  });

  it('answers NOT_FOUND for a unit or a year without targets', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await expectAppError(getTargets(getDb(), { unitCode: '711002', fiscalYear: 2021 }), 'NOT_FOUND');
    await expectAppError(getTargets(getDb(), { unitCode: '000000', fiscalYear: 2020 }), 'NOT_FOUND');
  });

  it('refuses malformed lookups as VALIDATION', async () => {
    await expectAppError(getTargets(getDb(), { unitCode: '', fiscalYear: 2020 }), 'VALIDATION');
    await expectAppError(getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020.5 }), 'VALIDATION');
  });
});
