import type { BureauMonitoringQuery, BureauMonitoringRow, BureauMonitoringView } from '../contract/monitoring.ts';
import { BureauMonitoringQuerySchema } from '../contract/monitoring.ts';
import { limitOffset } from '../contract/paging.ts';
import type { Db } from '../db/database.ts';
import { type SummaryRow, bureauFilters, summaryPage } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';
import { validateInput } from '../contract/validate-input.ts';
import { catchUpSummaries } from './catch-up-summaries.ts';
import { submissionsByUnitCode, unitParentIds } from '../db/monitoring-entries.repo.ts';
import { loadPolicyTree, nearestPolicy } from '../db/policies.repo.ts';
import { MonitoringPolicySchema } from '../contract/policies.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { type CheckpointStatus, checkpointStatuses } from '../domain/monitoring/checkpoints.ts';
import { DEFAULT_MONITORING_POLICY } from '../domain/monitoring/policy.ts';

/**
 * The bureau's view of a year's monitoring (decision 011) from the read model (decision 013): every
 * unit the actor may see that has targets that year, its execution as of the current month-end and
 * its warnings by level, one page at a time (default: lowest execution first — who needs attention), and
 * the state of its latest checkpoint whose month has ended (submitted, open, overdue: 136号's who reported).
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
  const checkpoints = await latestCheckpoints(
    db,
    rows.map((r) => r.unitCode),
    input.fiscalYear,
    input.today ?? todayUtc(),
  );
  return {
    fiscalYear: input.fiscalYear,
    items: rows.map((row, i) => ({ ...monitoringRow(row), checkpoint: checkpoints[i]! })),
    total: totals.total,
    page: query.page,
    pageSize: query.pageSize,
    warningTotals: totals.warnings,
    stale: totals.stale,
  };
}

/**
 * Each unit's latest checkpoint whose month has ended, under its own bureau's checkpoints: a fixed number of
 * statements whatever the page size (the policy tree, the units' parents, their submissions).
 */
async function latestCheckpoints(
  db: Db,
  unitCodes: string[],
  fiscalYear: number,
  today: string,
): Promise<(CheckpointStatus | null)[]> {
  const [tree, parents, submissions] = await Promise.all([
    loadPolicyTree(db.kysely),
    unitParentIds(db.kysely, unitCodes),
    submissionsByUnitCode(db.kysely, unitCodes, fiscalYear),
  ]);
  return unitCodes.map((code) => {
    const body = nearestPolicy(tree, parents.get(code) ?? null, 'monitoring');
    // A stored body that no longer fits is reported where the unit's monitoring is read; here the defaults stand in.
    const policy = MonitoringPolicySchema.safeParse(body ?? {});
    const list = policy.success ? policy.data.checkpoints : DEFAULT_MONITORING_POLICY.checkpoints;
    const statuses = checkpointStatuses(fiscalYear, list, submissions.get(code) ?? [], today);
    return statuses.filter((s) => s.state !== 'not-due').at(-1) ?? null;
  });
}

function monitoringRow(row: SummaryRow): Omit<BureauMonitoringRow, 'checkpoint'> {
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
