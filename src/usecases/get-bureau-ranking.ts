import type { BureauRanking, RankingQuery, RankingRow } from '../contract/evaluation.ts';
import { RankingQuerySchema } from '../contract/evaluation.ts';
import { limitOffset } from '../contract/paging.ts';
import type { Db } from '../db/database.ts';
import { type SummaryRow, bureauFilters, summaryPage } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';
import { validateInput } from '../contract/validate-input.ts';
import { catchUpSummaries } from './catch-up-summaries.ts';

/**
 * 财政局: the units the actor may see that have targets for the year, ranked by mean self-evaluation
 * score and, separately, by year-end budget execution (decision 010), one page at a time, from the
 * read model (decision 013). The grade distribution and warning totals cover every matching unit.
 */
export async function getBureauRanking(
  db: Db,
  actor: Actor,
  input: { fiscalYear: number } & RankingQuery,
): Promise<BureauRanking> {
  const query = validateInput(RankingQuerySchema, input, '排名查询');
  await catchUpSummaries(db);
  const { rows, totals } = await summaryPage(db.kysely, {
    scope: unitScopeOf(actor),
    filters: { ...bureauFilters(query), fiscalYear: input.fiscalYear, scoreGrade: query.grade },
    sort: { view: 'ranking', key: query.sort, order: query.order },
    ...limitOffset(query),
  });
  return {
    fiscalYear: input.fiscalYear,
    items: rows.map(rankingRow),
    total: totals.total,
    page: query.page,
    pageSize: query.pageSize,
    gradeDistribution: totals.grades,
    warningTotals: totals.warnings,
    stale: totals.stale,
  };
}

function rankingRow(row: SummaryRow): RankingRow {
  return {
    // The ranking view always ranks (summaryPage), so every row has a place.
    rank: row.scoreRank ?? 0,
    unitCode: row.unitCode,
    unitName: row.unitName,
    meanScore: row.meanScore,
    grade: row.scoreGrade,
    incomplete: row.incomplete,
    evaluated: row.evaluated,
    executionRate: row.yearEndRate,
    executionRank: row.executionRank,
    projects: row.projectCount,
    warningCounts: row.warningCounts,
    openWarnings: row.openWarnings,
    stale: row.stale,
    computedAt: row.computedAt,
  };
}
