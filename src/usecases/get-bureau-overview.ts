import { limitOffset } from '../contract/paging.ts';
import type { OverviewQuery, OverviewRow, OverviewView } from '../contract/workflow.ts';
import { OverviewQuerySchema } from '../contract/workflow.ts';
import type { Db } from '../db/database.ts';
import { type SummaryRow, bureauFilters, summaryPage } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';
import { validateInput } from '../contract/validate-input.ts';
import { catchUpSummaries } from './catch-up-summaries.ts';

/**
 * 财政局总览: the unit-years the actor may see (a bureau or department the units under it, a unit
 * itself, admin all) with workflow state and automated review grade, one page at a time, from the
 * read model (docs/decisions/013-read-model.md), with counts per state and grade over all matches.
 */
export async function getBureauOverview(db: Db, actor: Actor, input: OverviewQuery = {}): Promise<OverviewView> {
  const query = validateInput(OverviewQuerySchema, input, '总览查询');
  await catchUpSummaries(db);
  const { rows, totals } = await summaryPage(db.kysely, {
    scope: unitScopeOf(actor),
    filters: { ...bureauFilters(query), fiscalYear: query.year, state: query.state, reviewGrade: query.grade },
    sort: { view: 'overview', key: query.sort, order: query.order },
    ...limitOffset(query),
  });
  return {
    items: rows.map(overviewRow),
    total: totals.total,
    page: query.page,
    pageSize: query.pageSize,
    stale: totals.stale,
    warningTotals: totals.warnings,
    states: totals.states,
    grades: totals.reviewGrades,
  };
}

function overviewRow(row: SummaryRow): OverviewRow {
  return {
    unitCode: row.unitCode,
    unitName: row.unitName,
    fiscalYear: row.fiscalYear,
    state: row.workflowState,
    updatedAt: row.workflowUpdatedAt,
    grade: row.reviewGrade,
    errors: row.reviewErrors,
    warnings: row.reviewWarnings,
    stale: row.stale,
  };
}
