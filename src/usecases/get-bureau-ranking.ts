import type { BureauRanking, RankingQuery, RankingRow } from '../contract/evaluation.ts';
import { RankingQuerySchema } from '../contract/evaluation.ts';
import { limitOffset } from '../contract/paging.ts';
import type { Db } from '../db/database.ts';
import { type SummaryRow, summaryPage } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import {
  type SortSql,
  catchUpSummaries,
  filtersOf,
  isStale,
  orderBy,
  summaryScopeOf,
  timeOf,
  warningCountsOf,
} from './bureau-summaries.ts';
import { validateInput } from './usecase-input.ts';

const SORTS: Record<'score' | 'execution' | 'code', SortSql> = {
  score: { asc: 'r.score_rank asc, r.code asc', desc: 'r.score_rank desc, r.code asc' },
  execution: {
    asc: 'r.execution_rank asc nulls last, r.code asc',
    desc: 'r.execution_rank desc nulls first, r.code asc',
  },
  code: { asc: 'r.code asc', desc: 'r.code desc' },
};

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
  const scope = summaryScopeOf(actor);
  const filters = { ...filtersOf(query), fiscalYear: input.fiscalYear, scoreGrade: query.grade };
  const { rows, totals } = await summaryPage(db.kysely, {
    scope,
    filters,
    orderBy: orderBy(SORTS[query.sort], query.order),
    ...limitOffset(query),
    ranks: true,
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
    rank: Number(row.score_rank),
    unitCode: String(row.code),
    unitName: String(row.name),
    meanScore: row.mean_score === null ? null : Number(row.mean_score),
    grade: (row.score_grade ?? null) as RankingRow['grade'],
    incomplete: row.incomplete === true,
    evaluated: row.evaluated === true,
    executionRate: row.year_end_rate_text === null ? null : Number(row.year_end_rate_text),
    executionRank: row.execution_rank === null ? null : Number(row.execution_rank),
    projects: Number(row.project_count ?? 0),
    warningCounts: warningCountsOf(row),
    openWarnings: Number(row.open_warnings ?? 0),
    stale: isStale(row),
    computedAt: timeOf(row.computed_at),
  };
}
