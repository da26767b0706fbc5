import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { putPolicy } from '../db/policies.repo.ts';
import { setUnitParent, upsertOrganisation } from '../db/organisations.repo.ts';
import { adjustBudget } from './adjust-budget.ts';
import { getBureauMonitoring } from './get-bureau-monitoring.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { importTargets } from './import-targets.ts';
import { recordIndicatorProgress } from './record-indicator-progress.ts';
import { recordSpending } from './record-spending.ts';
import { recordMonitoringAction, updateMonitoringAction } from './monitoring-actions.ts';

const unitYear = { unitCode: '711002', fiscalYear: 2020 };
const P = '711-0701-JBN-PGN6'; // 困难职工帮扶资金: 20,000.00, plan 6月底 60%
const JUNE = { ...unitYear, asOfMonth: 6, today: '2020-07-10' };
const filled = { deviationCategory: '经费保障' as const, reason: '资金下达晚', measures: '加快审核发放' };

describeEachEngine('monitoring use-cases', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  });

  /** The other three projects exactly on plan (60% by June), so only P can be behind. */
  const othersOnPlan = async () => {
    for (const [projectCode, amount] of [
      ['711-0403-JBN-3EQS', '8640.00'],
      ['711-0403-JBN-MQNI', '22680.00'],
      ['711-0701-YSN-2UE1', '17880.00'],
    ] as const) {
      await recordSpending(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        projectCode,
        entries: [{ month: 6, source: 'fiscal', amount }],
      });
    }
  };
  const spend = async () => {
    await othersOnPlan();
    await recordSpending(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: P,
      entries: [
        { month: 3, source: 'fiscal', amount: '3000' },
        { month: 5, source: 'fiscal', amount: '4000.00' },
        { month: 6, source: 'other', amount: '1000.00' },
      ],
    });
  };
  const project = async (month = JUNE) => (await getUnitMonitoring(getDb(), month)).projects.find((p) => p.code === P)!;

  it('sums monthly spending into plan vs actual and warns when more than 10 points behind', async () => {
    await spend();
    const p = await project();
    expect(p.months[5]).toEqual({
      month: 6,
      plannedPercent: '60.00',
      plannedAmount: '12000.00',
      fiscal: '0.00',
      other: '1000.00',
      spent: '1000.00',
      cumulative: '8000.00',
      cumulativePercent: '40.00',
    });
    expect(p.months[2]?.plannedPercent).toBe('30.00'); // blank 3月底 interpolated
    expect(p.executionRate).toBe('40.00');
    // 8,000 + 20,000 × (100 − 60)% = 16,000
    expect(p.forecastFullYear).toBe('16000.00');
    const { warnings, warningCounts } = await getUnitMonitoring(getDb(), JUNE);
    // exactly 20 points behind: 提示 (the 警示 band needs MORE than 20)
    expect(warnings.map((w) => [w.id, w.level, w.followUp.state])).toEqual([[`behind-plan:${P}:6`, '提示', 'open']]);
    expect(warningCounts).toEqual({ 提示: 1, 警示: 0, 重点监控: 0 });
  });

  it('replaces a month when entered again', async () => {
    await spend();
    await recordSpending(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: P,
      entries: [{ month: 5, source: 'fiscal', amount: '6000.00' }],
    });
    expect((await project()).spentToDate).toBe('10000.00');
  });

  it('judges against the adjusted budget, keeping its reason', async () => {
    await spend();
    await adjustBudget(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: P,
      adjustedBudget: '16000',
      reason: '帮扶对象减少',
      effectiveDate: '2020-05-20',
    });
    const p = await project();
    expect([p.initialBudget, p.adjustedBudget, p.executionRate]).toEqual(['20000.00', '16000.00', '50.00']);
    expect(p.adjustments).toEqual([
      { adjustedBudget: '16000.00', reason: '帮扶对象减少', effectiveDate: '2020-05-20', recordedBy: 'system' },
    ]);
    expect((await getUnitMonitoring(getDb(), JUNE)).warnings).toEqual([]); // 50% vs 60%: exactly 10 points
    await expectAppError(
      adjustBudget(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        projectCode: P,
        adjustedBudget: '1',
        reason: 'x',
        effectiveDate: '2021-01-01',
      }),
      'VALIDATION',
    );
  });

  it('requires reason and measures for 有可能 and raises a forecast warning', async () => {
    await othersOnPlan();
    await recordSpending(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: P,
      entries: [{ month: 6, source: 'fiscal', amount: '12000.00' }],
    });
    const progress = {
      ...unitYear,
      projectCode: P,
      indicatorName: '补助金发放率',
      month: 6,
      valueToDate: '50%',
      forecast: '88%',
      likelihood: '有可能' as const,
    };
    const error = await expectAppError(recordIndicatorProgress(getDb(), SYSTEM_ACTOR, progress), 'VALIDATION');
    // 136号: categories, 原因说明 and 改进措施 are all mandatory once the target may be missed.
    expect(error.issues.map((i) => i.field)).toEqual(['deviationCategories', 'reason', 'measures']);
    await expectAppError(
      recordIndicatorProgress(getDb(), SYSTEM_ACTOR, { ...progress, ...filled, indicatorName: '不存在' }),
      'NOT_FOUND',
    );
    await recordIndicatorProgress(getDb(), SYSTEM_ACTOR, { ...progress, ...filled });
    const { warnings, projects } = await getUnitMonitoring(getDb(), JUNE);
    // 有可能 alone is 提示, but 88% misses ≥90%: the forecast rule's 警示 wins
    expect(warnings.map((w) => [w.id, w.level])).toEqual([[`forecast-miss:${P}:补助金发放率:6`, '警示']]);
    expect(projects[0]?.indicators[0]?.progress[0]).toMatchObject({
      likelihood: '有可能',
      deviationCategory: '经费保障',
      measures: '加快审核发放',
    });
  });

  it("follows a warning up through the bureau's action on it: open → action recorded → 已整改 closes it, audited", async () => {
    await spend();
    const id = `behind-plan:${P}:6`;
    const followUp = async () => (await getUnitMonitoring(getDb(), JUNE)).warnings.find((w) => w.id === id)?.followUp;
    expect(await followUp()).toMatchObject({ state: 'open', action: null });
    const act = {
      ...unitYear,
      kind: '纠偏' as const,
      body: '督促7月完成发放',
      deadline: '2020-07-31',
      today: '2020-07-10',
    };
    // A warning the rules do not raise at the month looked at cannot be named.
    await expectAppError(recordMonitoringAction(getDb(), SYSTEM_ACTOR, { ...act, warningId: id }), 'NOT_FOUND');
    await expectAppError(
      recordMonitoringAction(getDb(), SYSTEM_ACTOR, { ...act, asOfMonth: 6, warningId: 'behind-plan:X:6' }),
      'NOT_FOUND',
    );
    const action = await recordMonitoringAction(getDb(), SYSTEM_ACTOR, { ...act, asOfMonth: 6, warningId: id });
    expect(await followUp()).toMatchObject({ state: 'action-recorded', action: '督促7月完成发放', actionBy: '系统' });
    const answer = (state: '整改中' | '已整改' | '待整改', by: 'unit' | 'actor') =>
      updateMonitoringAction(getDb(), SYSTEM_ACTOR, { ...unitYear, actionId: action.id, state, reply: '已发放', by });
    await answer('已整改', 'unit');
    expect(await followUp()).toMatchObject({ state: 'closed', closedBy: '系统' });
    await answer('待整改', 'actor');
    expect((await followUp())?.state).toBe('action-recorded');
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'monitoring-action')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'record-monitoring-action',
      'update-monitoring-action',
      'update-monitoring-action',
    ]);
  });

  it('follows the bureau policy and lists units for the bureau', async () => {
    const bureauId = await upsertOrganisation(getDb().kysely, {
      code: 'CZJ',
      name: '财政局',
      kind: 'bureau',
      parentCode: null,
    });
    await setUnitParent(getDb().kysely, '711002', bureauId);
    await putPolicy(getDb().kysely, 'CZJ', 'monitoring', { behindPlan: [{ points: 5, level: '警示' }] });
    await spend();
    const { warnings } = await getUnitMonitoring(getDb(), JUNE);
    expect(warnings.map((w) => w.level)).toEqual(['警示']);
    const actor = { ...SYSTEM_ACTOR, role: 'bureau' as const, orgCode: 'CZJ' };
    const bureau = await getBureauMonitoring(getDb(), { fiscalYear: 2020, actor, today: '2020-07-10' });
    // 8,000 + 8,640 + 22,680 + 17,880 = 57,200 of 102,000.00 = 56.0784…%
    expect(bureau.items).toEqual([
      expect.objectContaining({
        unitCode: '711002',
        asOfMonth: 6,
        budget: '102000.00',
        spentToDate: '57200.00',
        executionRate: '56.08',
        openWarnings: 1,
      }),
    ]);
    const other = await getBureauMonitoring(getDb(), { fiscalYear: 2020, actor: { ...actor, orgCode: 'ELSEWHERE' } });
    expect(other.items).toEqual([]);
  });
});
