import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { Db } from '../db/database.ts';
import { upsertOrganisation, setUnitParent } from '../db/organisations.repo.ts';
import { putPolicy } from '../db/policies.repo.ts';
import { parseAmountToCents } from '../domain/money.ts';
import { rational, toFixed2 } from '../domain/rational.ts';
import { loadEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { getBureauMonitoring } from './get-bureau-monitoring.ts';
import { getBureauOverview } from './get-bureau-overview.ts';
import { getBureauRanking } from './get-bureau-ranking.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { importTargets } from './import-targets.ts';
import { DEMO_UNIT, DEMO_YEAR, loadDemoDataIfEmpty } from './load-demo-data.ts';
import { refreshStaleSummaries } from './refresh-summaries.ts';
import { countQueries } from '../../test/query-counter.ts';
import { reviewStoredTargets } from './review-stored-targets.ts';
import { scoreStoredUnitYear } from './score-unit-year.ts';

const admin = SYSTEM_ACTOR;
const bureau = { ...SYSTEM_ACTOR, role: 'bureau' as const, orgCode: 'B' };

async function staleFlags(db: Db): Promise<[string, boolean][]> {
  const rows = await sql<{ code: string; stale: boolean }>`
    select u.code, s.stale from unit_year_summaries s join units u on u.id = s.unit_id order by u.code`.execute(
    db.kysely,
  );
  return rows.rows.map((r) => [r.code, r.stale]);
}

describeEachEngine('bureau read model (unit_year_summaries)', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
  });

  it('equals the per-unit computation for the demo unit', async () => {
    await loadDemoDataIfEmpty(getDb());
    expect(await refreshStaleSummaries(getDb())).toMatchObject({ refreshed: 1, removed: 0 });
    const key = { unitCode: DEMO_UNIT, fiscalYear: DEMO_YEAR };
    const score = await scoreStoredUnitYear(getDb(), key);
    const monitoring = await getUnitMonitoring(getDb(), key);
    const review = (await reviewStoredTargets(getDb(), key)).report;

    const ranking = await getBureauRanking(getDb(), admin, { fiscalYear: DEMO_YEAR });
    expect(ranking.items).toEqual([
      expect.objectContaining({
        unitCode: DEMO_UNIT,
        rank: 1,
        meanScore: score.meanScore,
        incomplete: score.incomplete,
        projects: score.projects.length,
        warningCounts: monitoring.warningCounts,
        stale: false,
      }),
    ]);
    // The old per-unit ranking: Σ 执行数 / Σ 调整后预算数 over projects with both (decision 010).
    const year = await loadEvaluatedYear(getDb().kysely, key);
    let [budget, spent] = [0n, 0n];
    for (const m of year.money.values()) {
      if (m.adjustedBudget === null || m.spent === null) continue;
      budget += parseAmountToCents(m.adjustedBudget)!;
      spent += parseAmountToCents(m.spent)!;
    }
    expect([ranking.items[0]?.meanScore, ranking.items[0]?.grade, ranking.items[0]?.executionRate]).toEqual([
      97.17,
      '优',
      toFixed2(rational(spent * 100n, budget)),
    ]);
    const grades = { 优: 0, 良: 0, 中: 0, 差: 0, 未定级: 0 };
    for (const p of score.projects) grades[p.grade ?? '未定级'] += 1;
    expect(ranking.gradeDistribution).toEqual(grades);

    const bureauView = await getBureauMonitoring(getDb(), { fiscalYear: DEMO_YEAR, actor: admin });
    expect(bureauView.items).toEqual([
      expect.objectContaining({
        unitCode: DEMO_UNIT,
        budget: monitoring.totals.budget,
        spentToDate: monitoring.totals.spentToDate,
        executionRate: monitoring.totals.executionRate,
        asOfMonth: monitoring.asOfMonth,
        warningCounts: monitoring.warningCounts,
        openWarnings: monitoring.warnings.filter((w) => w.followUp.state !== 'closed').length,
      }),
    ]);
    expect(bureauView.warningTotals).toEqual(monitoring.warningCounts);

    const overview = await getBureauOverview(getDb(), admin, {});
    expect(overview.items).toEqual([
      expect.objectContaining({
        unitCode: DEMO_UNIT,
        fiscalYear: DEMO_YEAR,
        grade: review.grade,
        errors: review.findings.filter((f) => f.severity === 'error').length,
        warnings: review.findings.filter((f) => f.severity === 'warning').length,
      }),
    ]);
    const row = await getDb()
      .kysely.selectFrom('unit_year_summaries')
      .select(['budget_cents', 'spent_cents'])
      .executeTakeFirstOrThrow();
    expect([BigInt(row.budget_cents!), BigInt(row.spent_cents!)]).toEqual([
      parseAmountToCents(monitoring.totals.budget),
      parseAmountToCents(monitoring.totals.spentToDate),
    ]);
  });

  it('marks a unit-year stale in the write transaction, every row on a policy change, and recomputes them', async () => {
    await importTargets(getDb(), admin, { document: documentForUnit('A1', '甲单位'), fiscalYear: 2020 });
    await importTargets(getDb(), admin, { document: documentForUnit('A2', '乙单位'), fiscalYear: 2020 });
    expect(await staleFlags(getDb())).toEqual([
      ['A1', true],
      ['A2', true],
    ]);
    await refreshStaleSummaries(getDb());
    expect(await staleFlags(getDb())).toEqual([
      ['A1', false],
      ['A2', false],
    ]);
    await importTargets(getDb(), admin, { document: documentForUnit('A2', '乙单位（改）'), fiscalYear: 2020 });
    expect(await staleFlags(getDb())).toEqual([
      ['A1', false],
      ['A2', true],
    ]);
    expect(await refreshStaleSummaries(getDb(), { keys: [{ unitCode: 'A2', fiscalYear: 2020 }] })).toMatchObject({
      refreshed: 1,
      remaining: 0,
    });
    await upsertOrganisation(getDb().kysely, { code: 'B', name: '局', kind: 'bureau', parentCode: null });
    await putPolicy(getDb().kysely, 'B', 'review', { minIndicators: 9 });
    expect(await staleFlags(getDb())).toEqual([
      ['A1', true],
      ['A2', true],
    ]);
    expect(await refreshStaleSummaries(getDb(), { limit: 1 })).toMatchObject({ refreshed: 1, remaining: 1 });
  });

  it('keeps a unit listed with the parts it could compute when a stored policy is malformed', async () => {
    await importTargets(getDb(), admin, { document: documentForUnit('A1', '甲单位'), fiscalYear: 2020 });
    const bureauId = await upsertOrganisation(getDb().kysely, {
      code: 'B',
      name: '局',
      kind: 'bureau',
      parentCode: null,
    });
    await setUnitParent(getDb().kysely, 'A1', bureauId);
    await putPolicy(getDb().kysely, 'B', 'scoring', { grades: { excellent: 'high' } });
    await refreshStaleSummaries(getDb());
    const row = await getDb()
      .kysely.selectFrom('unit_year_summaries')
      .select(['error', 'review_grade', 'mean_score', 'execution_rate'])
      .executeTakeFirstOrThrow();
    expect(row.error).toContain('评分规则');
    expect(row.review_grade).not.toBeNull();
    expect(row.mean_score).toBeNull();
    const ranking = await getBureauRanking(getDb(), bureau, { fiscalYear: 2020 });
    expect(ranking.items.map((r) => [r.unitCode, r.meanScore, r.rank])).toEqual([['A1', null, 1]]);
  });

  it('finds unit-years stored without an audit entry and drops rows whose targets are gone', async () => {
    await importTargets(getDb(), admin, { document: documentForUnit('A1', '甲单位'), fiscalYear: 2020 });
    await getDb().kysely.deleteFrom('unit_year_summaries').execute();
    expect(await refreshStaleSummaries(getDb())).toMatchObject({ refreshed: 1 });
    await getDb().kysely.deleteFrom('target_documents').execute();
    await sql`update unit_year_summaries set stale = true`.execute(getDb().kysely);
    expect(await refreshStaleSummaries(getDb())).toMatchObject({ refreshed: 0, removed: 1 });
  });

  it('pages, filters and sorts in SQL, with ranks over every visible unit', async () => {
    const bureauId = await upsertOrganisation(getDb().kysely, {
      code: 'B',
      name: '局',
      kind: 'bureau',
      parentCode: null,
    });
    const d1 = await upsertOrganisation(getDb().kysely, {
      code: 'D1',
      name: '一部门',
      kind: 'department',
      parentCode: 'B',
    });
    const d2 = await upsertOrganisation(getDb().kysely, {
      code: 'D2',
      name: '二部门',
      kind: 'department',
      parentCode: 'B',
    });
    // Scores: U1 90, U2 95, U3 90, U4 none, U5 80 → ranks 3, 1, 2… competition: U2 1, U1 2, U3 2, U5 4, U4 last (5).
    const units: [string, number, number | null, string | null, number][] = [
      ['U1', d1, 90, '91.50', 0],
      ['U2', d1, 95, '80.00', 2],
      ['U3', d2, 90, '99.00', 3],
      ['U4', d2, null, null, 0],
      ['U5', bureauId, 80, '85.00', 1],
    ];
    for (const [code] of units)
      await importTargets(getDb(), admin, { document: documentForUnit(code, `单位${code}`), fiscalYear: 2020 });
    await refreshStaleSummaries(getDb());
    for (const [code, parent, score, rate, warningRank] of units) {
      await setUnitParent(getDb().kysely, code, parent);
      await sql`update unit_year_summaries s set stale = false, mean_score = ${score}, year_end_rate = ${rate}, max_warning_rank = ${warningRank},
                 score_grade = ${score === null ? null : score >= 90 ? '优' : '良'}, evaluated = ${score !== null}
                 from units u where u.id = s.unit_id and u.code = ${code}`.execute(getDb().kysely);
    }
    const page = async (query: Parameters<typeof getBureauRanking>[2]) => {
      const result = await getBureauRanking(getDb(), bureau, query);
      return { total: result.total, rows: result.items.map((r) => [r.unitCode, r.rank, r.executionRank]) };
    };
    expect(await page({ fiscalYear: 2020, pageSize: 2 })).toEqual({
      total: 5,
      rows: [
        ['U2', 1, 4],
        ['U1', 2, 2],
      ],
    });
    expect(await page({ fiscalYear: 2020, pageSize: 2, page: 2 })).toEqual({
      total: 5,
      rows: [
        ['U3', 2, 1],
        ['U5', 4, 3],
      ],
    });
    expect(await page({ fiscalYear: 2020, pageSize: 2, page: 3 })).toEqual({ total: 5, rows: [['U4', 5, null]] });
    expect(await page({ fiscalYear: 2020, pageSize: 2, page: 9 })).toEqual({ total: 5, rows: [] });
    expect(await page({ fiscalYear: 2020, sort: 'execution' })).toMatchObject({
      rows: [
        ['U3', 2, 1],
        ['U1', 2, 2],
        ['U5', 4, 3],
        ['U2', 1, 4],
        ['U4', 5, null],
      ],
    });
    // Filters keep the rank among all visible units.
    expect(await page({ fiscalYear: 2020, department: 'D2' })).toEqual({
      total: 2,
      rows: [
        ['U3', 2, 1],
        ['U4', 5, null],
      ],
    });
    expect(await page({ fiscalYear: 2020, warningLevel: '警示' })).toEqual({
      total: 2,
      rows: [
        ['U2', 1, 4],
        ['U3', 2, 1],
      ],
    });
    expect(await page({ fiscalYear: 2020, grade: '良' })).toEqual({ total: 1, rows: [['U5', 4, 3]] });
    expect(await page({ fiscalYear: 2020, grade: '未定级' })).toEqual({ total: 1, rows: [['U4', 5, null]] });
    expect(await page({ fiscalYear: 2020, search: 'U' })).toMatchObject({ total: 5 });
    expect(await page({ fiscalYear: 2020, search: '单位U5' })).toEqual({ total: 1, rows: [['U5', 4, 3]] });
    // A department sees its units only, ranked among themselves.
    const department = await getBureauRanking(
      getDb(),
      { ...bureau, role: 'department', orgCode: 'D1' },
      { fiscalYear: 2020 },
    );
    expect(department.items.map((r) => [r.unitCode, r.rank])).toEqual([
      ['U2', 1],
      ['U1', 2],
    ]);
  });

  it('reads a page and refreshes a chunk with the same number of statements for 2 units as for 8', async () => {
    const statements = async (units: number) => {
      await clearDatabase(getDb());
      for (let i = 0; i < units; i++)
        await importTargets(getDb(), admin, { document: documentForUnit(`Q${i}`, `单位${i}`), fiscalYear: 2020 });
      const counter = countQueries(getDb());
      await refreshStaleSummaries(counter.db, { chunkSize: 100 });
      const refresh = counter.count();
      counter.reset();
      await getBureauRanking(counter.db, admin, { fiscalYear: 2020, pageSize: 5 });
      await getBureauMonitoring(counter.db, { fiscalYear: 2020, actor: admin });
      await getBureauOverview(counter.db, admin, {});
      return { refresh: refresh - units /* one UPDATE per row */, read: counter.count() };
    };
    expect(await statements(8)).toEqual(await statements(2));
  });
});
