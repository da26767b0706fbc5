import { z } from 'zod';
import type { Db } from '../db/database.ts';
import {
  loadBudgetAdjustments,
  loadIndicatorProgress,
  loadMonitoringVersions,
  loadMonthlySpending,
} from '../db/monitoring.repo.ts';
import type { Executor } from '../db/schema.ts';
import {
  type MonitoringAction,
  type ProjectEntry,
  loadActions,
  loadProjectEntries,
  loadSubmissions,
} from '../db/monitoring-entries.repo.ts';
import { type WarningFollowUp, followUpOf } from '../domain/monitoring/actions.ts';
import { type CheckpointStatus, checkpointStatuses } from '../domain/monitoring/checkpoints.ts';
import { addAmounts, parseAmountToCents } from '../domain/money.ts';
import { executionPercent } from '../domain/monitoring/plan.ts';
import { type MonitoringPolicy, type WarningLevel, countByLevel, levelRank } from '../domain/monitoring/policy.ts';
import { toFixed } from '../domain/rational.ts';
import { type ProjectMonitoring, summariseProject } from '../domain/monitoring/summary.ts';
import { type MonitoringWarning, computeWarnings } from '../domain/monitoring/warnings.ts';
import { defaultAsOfMonth, todayUtc } from '../domain/monitoring/as-of-month.ts';
import { loadMonitoredYear, monitoringPolicyFor } from '../db/monitored-year.repo.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/** A computed warning and its follow-up, read from the actions that name it (decision 036). */
export type WarningWithFollowUp = MonitoringWarning & { followUp: WarningFollowUp };

export interface UnitMonitoring {
  unit: { code: string; name: string };
  fiscalYear: number;
  asOfMonth: number;
  policy: MonitoringPolicy;
  totals: { initialBudget: string; budget: string; spentToDate: string; executionRate: string | null };
  /** Each with its monitoring version, the If-Match of its next write (decision 023), and the unit's entries. */
  projects: (ProjectMonitoring & { version: number; entries: Omit<ProjectEntry, 'projectCode'>[] })[];
  /** Most severe first. */
  warnings: WarningWithFollowUp[];
  warningCounts: Record<WarningLevel, number>;
  /** The bureau's checkpoints (136号) with this unit's submission state. */
  checkpoints: CheckpointStatus[];
  /** 提示/警示, 纠偏, 暂缓/停止拨款 recorded for the unit, with their 整改 state. */
  actions: MonitoringAction[];
}

const AsOfSchema = UnitYearInputSchema.extend({
  asOfMonth: z.number().int().min(0).max(12).optional(),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/**
 * The 监控表 of a unit-year: per project plan vs actual by month, execution rate and forecast,
 * indicator progress; the warnings computed from them under the bureau's policy, each with the follow-up
 * of the actions that name it (open when none does).
 */
export async function getUnitMonitoring(
  db: Db | Executor,
  input: { unitCode: string; fiscalYear: number; asOfMonth?: number; today?: string },
): Promise<UnitMonitoring> {
  const key = validateInput(AsOfSchema, input, '监控查询');
  const executor = 'kysely' in db ? db.kysely : db;
  const today = key.today ?? todayUtc();
  const asOfMonth = key.asOfMonth ?? defaultAsOfMonth(key.fiscalYear, today);
  const year = await loadMonitoredYear(executor, key);
  const policy = await monitoringPolicyFor(executor, key.unitCode);
  const [spending, adjustments, progress, versions] = await Promise.all([
    loadMonthlySpending(executor, year.ref),
    loadBudgetAdjustments(executor, year.ref),
    loadIndicatorProgress(executor, year.ref),
    loadMonitoringVersions(executor, year.ref),
  ]);
  const [entries, submissions, actions] = await Promise.all([
    loadProjectEntries(executor, year.ref),
    loadSubmissions(executor, year.ref),
    loadActions(executor, year.ref),
  ]);
  const summaries = year.projects.map((project) =>
    summariseProject(
      project,
      {
        spending: spending.filter((s) => s.projectCode === project.code),
        adjustments: adjustments.filter((a) => a.projectCode === project.code),
        progress: progress.filter((p) => p.projectCode === project.code),
      },
      asOfMonth,
    ),
  );
  const warnings = computeWarnings(
    summaries.map((s) => s.facts),
    policy,
    { fiscalYear: key.fiscalYear, asOfMonth, today },
  )
    .map((w) => ({ ...w, followUp: followUpOf(w.id, actions) }))
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.id.localeCompare(b.id));
  const projects = summaries.map((s) => ({
    ...s.view,
    version: versions.get(s.view.code)?.version ?? 0,
    entries: entries.filter((e) => e.projectCode === s.view.code).map(({ projectCode: _, ...rest }) => rest),
  }));
  return {
    unit: year.unit,
    fiscalYear: key.fiscalYear,
    asOfMonth,
    policy,
    totals: totalsOf(projects),
    projects,
    warnings,
    warningCounts: countByLevel(warnings),
    checkpoints: checkpointStatuses(key.fiscalYear, policy.checkpoints, submissions, today),
    actions,
  };
}

function totalsOf(projects: ProjectMonitoring[]): UnitMonitoring['totals'] {
  const initialBudget = addAmounts(...projects.map((p) => p.initialBudget));
  const budget = addAmounts(...projects.map((p) => p.adjustedBudget ?? p.initialBudget));
  const spentToDate = addAmounts(...projects.map((p) => p.spentToDate));
  const rate = executionPercent(parseAmountToCents(spentToDate)!, parseAmountToCents(budget));
  return { initialBudget, budget, spentToDate, executionRate: rate === null ? null : toFixed(rate) };
}
