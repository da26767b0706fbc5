import { beforeAll, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { importTargets } from './import-targets.ts';
import { DEMO_CORRECTIVE_ACTION, DEMO_YEAR_END_SPENT, loadDemoMonitoring } from './load-demo-monitoring.ts';

const key = { unitCode: '711002', fiscalYear: 2020 };

describeEachEngine('demo monitoring year', (getDb) => {
  beforeAll(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await loadDemoMonitoring(getDb(), key);
  });

  it('ends the year at the exported 执行数, against the adjusted budget', async () => {
    const m = await getUnitMonitoring(getDb(), { ...key, asOfMonth: 12, today: '2021-01-20' });
    expect(Object.fromEntries(m.projects.map((p) => [p.code, p.spentToDate]))).toEqual(DEMO_YEAR_END_SPENT);
    expect(DEMO_YEAR_END_SPENT).toEqual({
      '711-0701-JBN-PGN6': '19600.00',
      '711-0403-JBN-3EQS': '14400.00',
      '711-0403-JBN-MQNI': '30240.00',
      '711-0701-YSN-2UE1': '32800.00',
    });
    const adjusted = m.projects.find((p) => p.code === '711-0701-YSN-2UE1')!;
    expect([adjusted.adjustedBudget, adjusted.executionRate]).toEqual(['32800.00', '100.00']);
    // 97,040 of 105,000 (102,000 + 3,000 added) = 92.419…%
    expect(m.totals).toEqual({
      initialBudget: '102000.00',
      budget: '105000.00',
      spentToDate: '97040.00',
      executionRate: '92.42',
    });
  });

  it("shows the July round submitted with the unit's figures, the 体检费 warning followed by the bureau's action", async () => {
    const m = await getUnitMonitoring(getDb(), { ...key, asOfMonth: 12, today: '2021-01-20' });
    expect(m.warnings.map((w) => [w.id, w.level, w.followUp.state])).toEqual([
      ['behind-plan:711-0403-JBN-MQNI:7', '警示', 'action-recorded'],
      ['forecast-miss:711-0403-JBN-MQNI:免费健康体检率:7', '警示', 'open'],
      ['behind-plan:711-0403-JBN-3EQS:7', '提示', 'open'],
      ['behind-plan:711-0403-JBN-MQNI:12', '提示', 'open'],
      ['behind-plan:711-0701-YSN-2UE1:7', '提示', 'open'],
    ]);
    expect(m.actions).toEqual([
      expect.objectContaining({
        warningId: 'behind-plan:711-0403-JBN-MQNI:7',
        kind: '警示',
        state: '整改中',
        reply: DEMO_CORRECTIVE_ACTION,
      }),
    ]);
    expect(m.checkpoints).toEqual([expect.objectContaining({ month: 7, state: 'submitted' })]);
    // Every project states its 全年预计执行数 for July: the 监控表 and 监控情况表 are not blank.
    expect(
      m.projects.map((p) => [p.code, p.entries.map((e) => [e.month, e.forecastFullYear, e.releasedToDate])]),
    ).toEqual([
      ['711-0701-JBN-PGN6', [[7, '19800.00', '14000.00']]],
      ['711-0403-JBN-3EQS', [[7, '14400.00', '7200.00']]],
      ['711-0403-JBN-MQNI', [[7, '30240.00', '18900.00']]],
      ['711-0701-YSN-2UE1', [[7, '29800.00', '17880.00']]],
    ]);
    expect(m.projects.every((p) => p.indicators.every((i) => i.progress.some((g) => g.month === 7)))).toBe(true);
  });
});
