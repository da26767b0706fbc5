import { limitOffset } from '../contract/paging.ts';
import type { OverviewQuery, OverviewRow, OverviewView } from '../contract/workflow.ts';
import { OverviewQuerySchema } from '../contract/workflow.ts';
import type { Db } from '../db/database.ts';
import { type SummaryRow, summaryPage } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import type { WorkflowState } from '../domain/workflow/states.ts';
import {
  type SortSql,
  catchUpSummaries,
  filtersOf,
  isStale,
  orderBy,
  summaryScopeOf,
  timeOf,
} from './bureau-summaries.ts';
import { validateInput } from './usecase-input.ts';

const SORTS: Record<'code' | 'updated' | 'grade', SortSql> = {
  code: { asc: 'r.code asc, r.fiscal_year asc', desc: 'r.code desc, r.fiscal_year desc' },
  updated: {
    asc: 'r.workflow_updated_at asc nulls first, r.code asc',
    desc: 'r.workflow_updated_at desc nulls last, r.code asc',
  },
  // 优 < 良 < 中 < 差 in Unicode order is not the grade order: spell it out.
  grade: {
    asc: "array_position(array['优','良','中','差'], r.review_grade) asc nulls last, r.code asc",
    desc: "array_position(array['优','良','中','差'], r.review_grade) desc nulls first, r.code asc",
  },
};

/**
 * 财政局总览: the unit-years the actor may see (a bureau or department the units under it, a unit
 * itself, admin all) with workflow state and automated review grade, one page at a time, from the
 * read model (docs/decisions/013-read-model.md), with counts per state and grade over all matches.
 */
export async function getBureauOverview(db: Db, actor: Actor, input: OverviewQuery = {}): Promise<OverviewView> {
  const query = validateInput(OverviewQuerySchema, input, '总览查询');
  await catchUpSummaries(db);
  const scope = summaryScopeOf(actor);
  const filters = { ...filtersOf(query), fiscalYear: query.year, state: query.state, reviewGrade: query.grade };
  const { rows, totals } = await summaryPage(db.kysely, {
    scope,
    filters,
    orderBy: orderBy(SORTS[query.sort], query.order),
    ...limitOffset(query),
    ranks: false,
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
    unitCode: String(row.code),
    unitName: String(row.name),
    fiscalYear: Number(row.fiscal_year),
    state: (row.workflow_state ?? 'draft') as WorkflowState,
    updatedAt: timeOf(row.workflow_updated_at),
    grade: (row.review_grade ?? null) as string | null,
    errors: row.review_errors === null ? null : Number(row.review_errors),
    warnings: row.review_warnings === null ? null : Number(row.review_warnings),
    stale: isStale(row),
  };
}
