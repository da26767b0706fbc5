import { beforeAll, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { getUnitResults } from './get-unit-results.ts';
import { importTargets } from './import-targets.ts';
import { loadDemoRectification } from './load-demo-rectification.ts';

const key = { unitCode: '711002', fiscalYear: 2020 };

describeEachEngine('demo rectification notice', (getDb) => {
  beforeAll(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: key.fiscalYear });
    await loadDemoRectification(getDb(), key);
  });

  it('is the bureau’s notice about the 劳模体检 indicator, waiting on the unit, due in the future', async () => {
    const { notices } = await getUnitResults(getDb(), key);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      projectCode: '711-0403-JBN-MQNI',
      issuerOrg: 'SHG-CZJ',
      state: '待整改',
      overdue: false,
    });
    expect(notices[0]!.body).toContain('免费健康体检率');
    expect(notices[0]!.deadline > todayUtc()).toBe(true);
  });
});
