import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import type { SummaryHead } from '../db/summaries.repo.ts';
import type { UnitYearData } from '../db/summary-inputs.repo.ts';
import { AppError } from '../domain/errors.ts';
import { type Amount, addAmounts, formatCents, parseAmountToCents } from '../domain/money.ts';
import { executionPercent } from '../domain/monitoring/plan.ts';
import { readMonitoringPolicy } from '../domain/monitoring/policy.ts';
import { summariseProject } from '../domain/monitoring/summary.ts';
import { computeWarnings } from '../domain/monitoring/warnings.ts';
import { ReviewPolicySchema, type ReviewReport, reviewTargets } from '../domain/review/index.ts';
import { scoringPolicyFrom } from '../domain/scoring/index.ts';
import { toFixed } from '../domain/rational.ts';
import { type OverallTargets, type Project, TARGETS_FORMAT } from '../domain/targets.ts';
import type { EvaluatedYear } from './evaluation-context.ts';
import { countByLevel, type UnitMonitoring, type WarningWithFollowUp } from './get-monitoring.ts';
import { defaultAsOfMonth } from './monitoring-context.ts';

/**
 * The inputs of one unit-year's summary, loaded with the same repositories the unit pages use but
 * once each (the unit pages' three use-cases would load the targets three times), and the policies
 * of a whole chunk in one statement (they are inherited down the organisation tree).
 */

/** Every organisation's parent and stored policies: the nearest ancestor's policy applies (policyForUnit). */
export interface PolicyTree {
  parentOf: Map<number, number | null>;
  bodies: Map<string, unknown>;
}

export async function loadPolicyTree(db: Executor): Promise<PolicyTree> {
  const orgs = await db.selectFrom('organisations').select(['id', 'parent_id']).execute();
  const policies = await sql<{
    organisation_id: number;
    kind: string;
    body: unknown;
  }>`select organisation_id, kind, body from policies`.execute(db);
  return {
    parentOf: new Map(orgs.map((o) => [o.id, o.parent_id])),
    bodies: new Map(
      policies.rows.map((p) => [
        `${p.organisation_id}:${p.kind}`,
        typeof p.body === 'string' ? JSON.parse(p.body) : p.body,
      ]),
    ),
  };
}

function nearestPolicy(tree: PolicyTree, orgId: number | null, kind: string): unknown {
  for (
    let id = orgId, depth = 0;
    id !== null && id !== undefined && depth < 16;
    id = tree.parentOf.get(id) ?? null, depth++
  ) {
    const body = tree.bodies.get(`${id}:${kind}`);
    if (body !== undefined && body !== null) return body;
  }
  return null;
}

export interface UnitYearInputs {
  unit: { code: string; name: string };
  projects: Project[];
  overall: OverallTargets;
}

export function reviewOf(tree: PolicyTree, head: SummaryHead, inputs: UnitYearInputs): ReviewReport {
  const parsed = ReviewPolicySchema.safeParse(nearestPolicy(tree, head.parentId, 'review') ?? {});
  if (!parsed.success)
    throw new AppError('VALIDATION', `单位 ${head.unitCode} 适用的审核规则（policy review）格式不正确，请财政局修正`);
  return reviewTargets(
    {
      format: TARGETS_FORMAT,
      unit: inputs.unit,
      fiscalYear: head.fiscalYear,
      overall: inputs.overall,
      projects: inputs.projects,
    },
    parsed.data,
  );
}

/** The chunk's data of one unit-year (src/db/summary-inputs.repo.ts) as the figures below read it. */
export function inputsOf(head: SummaryHead, data: UnitYearData): Inputs {
  const { overall, projects, stored, ...raw } = data;
  return { unit: { code: head.unitCode, name: head.unitName }, projects, overall, raw, stored };
}

export type Inputs = UnitYearInputs & {
  raw: Omit<UnitYearData, 'overall' | 'projects' | 'stored'>;
  stored: EvaluatedYear['stored'];
};

/** As evaluation-context's loadEvaluatedYear: 调整后预算数 = latest adjustment else 年初预算数, 执行数 = all spending booked. */
export function evaluatedYearOf(tree: PolicyTree, head: SummaryHead, inputs: Inputs): EvaluatedYear {
  let policy;
  try {
    policy = scoringPolicyFrom(nearestPolicy(tree, head.parentId, 'scoring'));
  } catch {
    throw new AppError('VALIDATION', `单位 ${head.unitCode} 适用的评分规则（policy scoring）格式不正确，请财政局修正`);
  }
  const money: EvaluatedYear['money'] = new Map();
  for (const project of inputs.projects) {
    const adjusted: Amount | null =
      inputs.raw.adjustments.filter((a) => a.projectCode === project.code).at(-1)?.adjustedBudget ??
      project.budget.total;
    const rows = inputs.raw.spending.filter((s) => s.projectCode === project.code);
    const spent =
      rows.length === 0
        ? null
        : formatCents(rows.reduce((total, row) => total + (parseAmountToCents(row.amount) ?? 0n), 0n));
    money.set(project.code, { adjustedBudget: adjusted, spent });
  }
  return {
    unitId: head.unitId,
    unit: inputs.unit,
    fiscalYear: head.fiscalYear,
    projects: inputs.projects,
    money,
    stored: inputs.stored,
    policy,
  };
}

/** As get-monitoring's getUnitMonitoring, as of the default month for `today`. */
export function monitoringOf(
  tree: PolicyTree,
  head: SummaryHead,
  inputs: Inputs,
  today: string,
): Pick<UnitMonitoring, 'asOfMonth' | 'totals' | 'warnings' | 'warningCounts'> {
  let policy;
  try {
    policy = readMonitoringPolicy(nearestPolicy(tree, head.parentId, 'monitoring'));
  } catch {
    throw new AppError(
      'VALIDATION',
      `单位 ${head.unitCode} 适用的监控规则（policy monitoring）格式不正确，请财政局修正`,
    );
  }
  const asOfMonth = defaultAsOfMonth(head.fiscalYear, today);
  const { spending, adjustments, progress, followUps } = inputs.raw;
  const summaries = inputs.projects.map((project) =>
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
  const followUpById = new Map(followUps.map(({ warningId, ...rest }) => [warningId, rest]));
  const open = { state: 'open', action: null, actionBy: null, actionAt: null, closedBy: null, closedAt: null } as const;
  const warnings: WarningWithFollowUp[] = computeWarnings(
    summaries.map((s) => s.facts),
    policy,
    { fiscalYear: head.fiscalYear, asOfMonth, today },
  ).map((w) => ({ ...w, followUp: followUpById.get(w.id) ?? open }));
  const views = summaries.map((s) => s.view);
  const budget = addAmounts(...views.map((p) => p.adjustedBudget ?? p.initialBudget));
  const spentToDate = addAmounts(...views.map((p) => p.spentToDate));
  const rate = executionPercent(parseAmountToCents(spentToDate)!, parseAmountToCents(budget));
  return {
    asOfMonth,
    totals: {
      initialBudget: addAmounts(...views.map((p) => p.initialBudget)),
      budget,
      spentToDate,
      executionRate: rate === null ? null : toFixed(rate),
    },
    warnings,
    warningCounts: countByLevel(warnings),
  };
}
