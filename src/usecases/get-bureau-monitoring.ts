import type { BureauMonitoringQuery, BureauMonitoringRow, BureauMonitoringView } from '../contract/monitoring.ts';
import { BureauMonitoringQuerySchema } from '../contract/monitoring.ts';
import { limitOffset } from '../contract/paging.ts';
import type { Db } from '../db/database.ts';
import { type SummaryRow, summaryPage } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import {
  type SortSql,
  amountOf,
  catchUpSummaries,
  filtersOf,
  isStale,
  orderBy,
  summaryScopeOf,
  warningCountsOf,
} from './bureau-summaries.ts';
import { validateInput } from './usecase-input.ts';

const SORTS: Record<'execution' | 'score' | 'warnings' | 'code', SortSql> = {
  // A unit without a rate (no budget) sorts as 0: it has executed nothing either.
  execution: {
    asc: 'coalesce(r.execution_rate, 0) asc, r.code asc',
    desc: 'coalesce(r.execution_rate, 0) desc, r.code asc',
  },
  score: { asc: 'r.mean_score desc nulls last, r.code asc', desc: 'r.mean_score asc nulls first, r.code asc' },
  warnings: {
    asc: 'r.max_warning_rank desc nulls last, r.warnings_focus desc nulls last, r.warnings_alert desc nulls last, r.warnings_notice desc nulls last, r.code asc',
    desc: 'r.max_warning_rank asc nulls first, r.warnings_focus asc nulls first, r.warnings_alert asc nulls first, r.warnings_notice asc nulls first, r.code asc',
  },
  code: { asc: 'r.code asc', desc: 'r.code desc' },
};

/**
 * The bureau's view of a year's monitoring (decision 011) from the read model (decision 013): every
 * unit the actor may see that has targets that year, its execution as of the current month-end and
 * its warnings by level, one page at a time (default: lowest execution first — who needs attention).
 */
export async function getBureauMonitoring(
  db: Db,
  input: { fiscalYear: number; actor: Actor; today?: string } & BureauMonitoringQuery,
): Promise<BureauMonitoringView> {
  const query = validateInput(BureauMonitoringQuerySchema, input, '监控总览查询');
  await catchUpSummaries(db, input.today);
  const scope = summaryScopeOf(input.actor);
  const filters = { ...filtersOf(query), fiscalYear: input.fiscalYear };
  const { rows, totals } = await summaryPage(db.kysely, {
    scope,
    filters,
    orderBy: orderBy(SORTS[query.sort], query.order),
    ...limitOffset(query),
    ranks: false,
  });
  return {
    fiscalYear: input.fiscalYear,
    items: rows.map(monitoringRow),
    total: totals.total,
    page: query.page,
    pageSize: query.pageSize,
    warningTotals: totals.warnings,
    stale: totals.stale,
  };
}

function monitoringRow(row: SummaryRow): BureauMonitoringRow {
  return {
    unitCode: String(row.code),
    unitName: String(row.name),
    budget: amountOf(row.budget_text),
    spentToDate: amountOf(row.spent_text),
    executionRate: (row.execution_rate_text ?? null) as string | null,
    asOfMonth: Number(row.as_of_month ?? 0),
    warningCounts: warningCountsOf(row),
    openWarnings: Number(row.open_warnings ?? 0),
    meanScore: row.mean_score === null ? null : Number(row.mean_score),
    grade: (row.score_grade ?? null) as BureauMonitoringRow['grade'],
    stale: isStale(row),
  };
}
