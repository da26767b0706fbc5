import { formatCents, parseAmountToCents } from '../money.ts';
import { checkpointDueDate } from './checkpoints.ts';
import type { Indicator, SpendingCheckpoint } from '../targets.ts';
import { type IndicatorProgress, forecastMissesTarget } from './progress.ts';
import { executionPercent, plannedPercentAt } from './plan.ts';
import type { MonitoringPolicy, WarningLevel } from './policy.ts';
import { compare, fromDecimal, sub, toFixed } from '../rational.ts';

export type WarningRule = 'behind-plan' | 'large-and-slow' | 'forecast-miss' | 'overdue';

/**
 * A warning is computed from the data on every read, never typed in. It is the trigger of the bureau's
 * actions (decision 036), which name it by `id`, stable: rule + project (+ indicator) + month.
 */
export interface MonitoringWarning {
  id: string;
  level: WarningLevel;
  rule: WarningRule;
  project: string;
  projectName: string;
  indicator: string | null;
  month: number;
  reason: string;
  reasonEn: string;
}

/** What the rules look at for one project. */
export interface ProjectFacts {
  code: string;
  name: string;
  /** 调整后预算数 when adjusted, else 年初预算数 (分); null when unknown. */
  budgetCents: bigint | null;
  plan: readonly SpendingCheckpoint[];
  /** Cumulative spending (分) at each month-end, index 0 = January. */
  cumulativeCents: readonly bigint[];
  indicators: readonly Indicator[];
  progress: readonly IndicatorProgress[];
}

export interface WarningContext {
  fiscalYear: number;
  /** Data is judged up to the end of this month (0 = nothing yet). */
  asOfMonth: number;
  /** Today, 'YYYY-MM-DD', for the overdue rule. */
  today: string;
}

export function computeWarnings(
  projects: readonly ProjectFacts[],
  policy: MonitoringPolicy,
  context: WarningContext,
): MonitoringWarning[] {
  const warnings = projects.flatMap((project) => [
    ...behindPlan(project, policy, context),
    ...largeAndSlow(project, policy, context),
    ...forecastMiss(project, policy, context),
    ...overdue(project, policy, context),
  ]);
  return warnings;
}

/** Checked at each configured checkpoint and at the latest month: each round's finding and today's. */
function behindPlan(project: ProjectFacts, policy: MonitoringPolicy, context: WarningContext): MonitoringWarning[] {
  const months = [...new Set([...policy.checkpoints.map((c) => c.month), context.asOfMonth])]
    .filter((m) => m >= 1 && m <= context.asOfMonth)
    .sort((a, b) => a - b);
  const bands = [...policy.behindPlan].sort((a, b) => b.points - a.points);
  return months.flatMap((month) => {
    const planned = plannedPercentAt(project.plan, month);
    const actual = executionPercent(project.cumulativeCents[month - 1] ?? 0n, project.budgetCents);
    if (planned === null || actual === null) return [];
    const gap = sub(planned, actual);
    const band = bands.find((b) => compare(gap, fromDecimal(b.points)) > 0);
    if (!band) return [];
    const [p, a, g] = [toFixed(planned), toFixed(actual), toFixed(gap)];
    return [
      {
        ...base(project, 'behind-plan', month, band.level),
        reason: `截至${month}月底累计执行率 ${a}%，低于支出计划 ${p}%，落后 ${g} 个百分点（容忍度 ${b(band.points)} 个百分点）`,
        reasonEn: `Spending to end of month ${month} is ${a}% against a plan of ${p}%: ${g} points behind (tolerance ${b(band.points)})`,
      },
    ];
  });
}

function largeAndSlow(project: ProjectFacts, policy: MonitoringPolicy, context: WarningContext): MonitoringWarning[] {
  return policy.largeAndSlow.flatMap((rule) => {
    const minCents = parseAmountToCents(rule.minBudget) ?? 0n;
    if (rule.month > context.asOfMonth || project.budgetCents === null || project.budgetCents < minCents) return [];
    const actual = executionPercent(project.cumulativeCents[rule.month - 1] ?? 0n, project.budgetCents);
    if (actual === null || compare(actual, fromDecimal(rule.maxRate)) >= 0) return [];
    const a = toFixed(actual);
    const budget = formatCents(project.budgetCents);
    return [
      {
        ...base(project, 'large-and-slow', rule.month, rule.level),
        reason: `预算 ${budget} 元（≥ ${rule.minBudget} 元），截至${rule.month}月底执行率 ${a}%，低于 ${b(rule.maxRate)}%`,
        reasonEn: `Budget ${budget} yuan (≥ ${rule.minBudget}) with ${a}% spent by end of month ${rule.month}, below ${b(rule.maxRate)}%`,
      },
    ];
  });
}

/** The latest progress of each indicator up to asOfMonth decides. */
function forecastMiss(project: ProjectFacts, policy: MonitoringPolicy, context: WarningContext): MonitoringWarning[] {
  return latestProgress(project.progress, context.asOfMonth).flatMap((progress) => {
    const indicator = project.indicators.find((i) => i.name === progress.indicatorName);
    const misses = indicator ? forecastMissesTarget(indicator.target, progress.forecast) : null;
    const target = indicator?.target.raw ?? '';
    let level: WarningLevel | null = null;
    let why = '';
    let whyEn = '';
    if (progress.likelihood === '不可能')
      [level, why, whyEn] = [policy.forecastMiss.impossible, '完成目标可能性为“不可能”', 'likelihood "impossible"'];
    else if (progress.likelihood === '有可能')
      [level, why, whyEn] = [policy.forecastMiss.possible, '完成目标可能性为“有可能”', 'likelihood "possible"'];
    if (misses === true && (level === null || level === policy.forecastMiss.possible)) {
      [level, why, whyEn] = [
        policy.forecastMiss.forecastBelowTarget,
        `全年预计 ${progress.forecast} 达不到指标值 ${target}`,
        `forecast ${progress.forecast} misses target ${target}`,
      ];
    }
    if (level === null) return [];
    return [
      {
        ...base(project, 'forecast-miss', progress.month, level, progress.indicatorName),
        reason: `指标“${progress.indicatorName}”（${progress.month}月）：${why}`,
        reasonEn: `Indicator "${progress.indicatorName}" (month ${progress.month}): ${whyEn}`,
      },
    ];
  });
}

/**
 * Projects with no indicator progress for the latest checkpoint whose due date (+ graceDays) has passed: one
 * warning per project, the latest round only (progress of a later month answers an earlier round too).
 */
function overdue(project: ProjectFacts, policy: MonitoringPolicy, context: WarningContext): MonitoringWarning[] {
  if (project.indicators.length === 0) return [];
  const passed = policy.checkpoints
    .map((checkpoint) => ({ month: checkpoint.month, due: overdueAfter(context.fiscalYear, checkpoint, policy) }))
    .filter((c) => context.today > c.due)
    .sort((a, b) => b.month - a.month)[0];
  if (!passed || project.progress.some((p) => p.month >= passed.month)) return [];
  const { month, due } = passed;
  return [
    {
      ...base(project, 'overdue', month, policy.overdue.level),
      reason: `${month}月底的指标监控数据应于 ${due} 前填报，至今未填`,
      reasonEn: `Indicator progress for end of month ${month} was due by ${due} and is missing`,
    },
  ];
}

/** The checkpoint's due date plus the policy's grace days, 'YYYY-MM-DD' (UTC calendar arithmetic). */
export function overdueAfter(
  fiscalYear: number,
  checkpoint: MonitoringPolicy['checkpoints'][number],
  policy: Pick<MonitoringPolicy, 'overdue'>,
): string {
  const due = Date.parse(`${checkpointDueDate(fiscalYear, checkpoint)}T00:00:00Z`);
  return new Date(due + policy.overdue.graceDays * 86_400_000).toISOString().slice(0, 10);
}

function latestProgress(progress: readonly IndicatorProgress[], asOfMonth: number): IndicatorProgress[] {
  const latest = new Map<string, IndicatorProgress>();
  for (const p of progress) {
    if (p.month > asOfMonth) continue;
    const seen = latest.get(p.indicatorName);
    if (!seen || seen.month < p.month) latest.set(p.indicatorName, p);
  }
  return [...latest.values()];
}

function base(
  project: ProjectFacts,
  rule: WarningRule,
  month: number,
  level: WarningLevel,
  indicator: string | null = null,
) {
  const id = [rule, project.code, ...(indicator === null ? [] : [indicator]), month].join(':');
  return { id, level, rule, project: project.code, projectName: project.name, indicator, month };
}

/** A policy number as written: 10 → "10", 12.5 → "12.5". */
const b = (n: number) => String(n);
