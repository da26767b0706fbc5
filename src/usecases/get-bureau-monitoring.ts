import type { BureauMonitoringQuery, BureauMonitoringRow, BureauMonitoringView } from '../contract/monitoring.ts';
import { BureauMonitoringQuerySchema } from '../contract/monitoring.ts';
import { limitOffset } from '../contract/paging.ts';
import type { Db } from '../db/database.ts';
import { type SummaryRow, bureauFilters, summaryPage } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';
import { validateInput } from '../contract/validate-input.ts';
import { catchUpSummaries } from './catch-up-summaries.ts';

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
  const { rows, totals } = await summaryPage(db.kysely, {
    scope: unitScopeOf(input.actor),
    filters: { ...bureauFilters(query), fiscalYear: input.fiscalYear },
    sort: { view: 'monitoring', key: query.sort, order: query.order },
    ...limitOffset(query),
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
    unitCode: row.unitCode,
    unitName: row.unitName,
    budget: row.budget,
    spentToDate: row.spentToDate,
    executionRate: row.executionRate,
    asOfMonth: row.asOfMonth,
    warningCounts: row.warningCounts,
    openWarnings: row.openWarnings,
    meanScore: row.meanScore,
    grade: row.scoreGrade,
    stale: row.stale,
  };
}
