import { formatCents } from '../money.ts';
import type { Indicator, Project, TargetValue } from '../targets.ts';
import { DEVIATION_CATEGORIES, DEVIATION_REASONS, IMPROVEMENT_MEASURES } from './pools.ts';
import type { Rng } from './prng.ts';

/**
 * A project's year as it ran: spending by month and funding source, indicator progress at the
 * June monitoring round (完成目标可能性 with reasons where required), and the year-end actuals
 * for 自评. Money stays in integer 分; a month's spending is the difference of cumulative figures,
 * so the months add up to the year exactly.
 */
export interface SpendingEntry {
  projectCode: string;
  month: number;
  source: 'fiscal' | 'other';
  /** Spent in this month, 元. */
  amount: string;
}

export type Likelihood = '确定能' | '有可能' | '不可能';

export interface ProgressEntry {
  projectCode: string;
  indicatorName: string;
  month: number;
  valueToDate: string;
  forecast: string;
  likelihood: Likelihood;
  deviationCategory: (typeof DEVIATION_CATEGORIES)[number] | null;
  reason: string;
  measures: string;
}

/** One indicator of jixiao/actuals@1 plus the 改进措施 the 自评表 stores beside the reason. */
export interface IndicatorActualEntry {
  name: string;
  actual: string;
  /**
   * The evaluator's band for a target written with its unit but no number (the seed's “… 个”), which
   * 财预〔2020〕10号 leaves to the evaluator's judgement: the scorer waits for it (decision 031).
   */
  band?: 'achieved' | 'partly';
  deviationReason?: string;
  improvementMeasures?: string;
}

export interface ProjectActualsEntry {
  code: string;
  adjustedBudget: string;
  spent: string;
  executionReason?: string;
  indicators: IndicatorActualEntry[];
}

export interface ProjectYear {
  spending: SpendingEntry[];
  progress: ProgressEntry[];
  actuals: ProjectActualsEntry;
}

const PROGRESS_MONTH = 6;

/** 预算执行率 at year end in basis points: most spend everything, some 90–99 %, a few fall short (reason needed). */
function executionBasisPoints(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.6) return 10_000;
  if (roll < 0.85) return rng.int(9_000, 9_999);
  return rng.int(6_000, 8_999);
}

/** Cumulative share of the year's spending at each month-end (basis points), following the plan. */
function cumulativeCurve(rng: Rng, project: Project, behind: boolean): number[] {
  const points: [number, number][] = [[0, 0]];
  for (const checkpoint of project.spendingPlan) {
    if (checkpoint.cumulativePercent !== null) points.push([checkpoint.month, checkpoint.cumulativePercent * 100]);
  }
  const curve: number[] = [];
  let previous = 0;
  for (let month = 1; month <= 12; month += 1) {
    const upper = points.findIndex(([m]) => m >= month);
    const [m0, v0] = points[Math.max(0, upper - 1)]!;
    const [m1, v1] = points[upper] ?? [12, 10_000];
    const planned = m1 === m0 ? v1 : v0 + ((v1 - v0) * (month - m0)) / (m1 - m0);
    const noisy = planned * (behind && month <= 8 ? 0.45 : 1) + rng.int(-300, 300);
    previous = month === 12 ? 10_000 : Math.min(10_000, Math.max(previous, Math.round(noisy)));
    curve.push(previous);
  }
  return curve;
}

function monthlySpending(
  code: string,
  source: 'fiscal' | 'other',
  yearCents: bigint,
  curve: number[],
  months: number,
): SpendingEntry[] {
  const entries: SpendingEntry[] = [];
  let before = 0n;
  for (let month = 1; month <= months; month += 1) {
    const cumulative = (yearCents * BigInt(curve[month - 1]!)) / 10_000n;
    if (cumulative > before)
      entries.push({ projectCode: code, month, source, amount: formatCents(cumulative - before) });
    before = cumulative;
  }
  return entries;
}

const trimNumber = (n: number) => String(Math.round(n * 100) / 100);

/** The year-end actual for a target, met or missed on purpose, in a form the scorer reads. */
function actualFor(rng: Rng, target: TargetValue, met: boolean): string {
  const unit = target.unit ?? '';
  const cap = (n: number) => (unit === '%' ? Math.min(100, n) : n);
  if (target.op === 'range' && target.min !== undefined && target.max !== undefined) {
    return `${met ? rng.int(Math.ceil(target.min), Math.floor(target.max)) : Math.max(0, Math.ceil(target.min) - 1)}${unit}`;
  }
  const v = target.value;
  if (v === null || target.op === null) return met ? '达到' : '基本达到';
  if (target.op === '<=' || target.op === '<') {
    const under = target.op === '<' ? v * 0.95 : v;
    if (!met) return `${trimNumber(Math.max(v + 0.01, v * (1.05 + rng.next() * 0.15)))}${unit}`;
    const below = under * (0.85 + rng.next() * 0.15);
    // Two decimals may round a small target's actual 20 % below it (≤0.04 → 0.03): keep four then.
    return `${Number(trimNumber(below)) < v * 0.8 ? String(Math.round(below * 10000) / 10000) : trimNumber(below)}${unit}`;
  }
  if (target.op === '=') return `${met ? trimNumber(v) : trimNumber(Math.floor(v * 0.9))}${unit}`;
  const over = target.op === '>' ? v + 1 : v;
  // Met by at most 20 % (the scorer's default overAchievementReasonPercent, decision 031): a small
  // target rounded up (≥3年 → 4年) would otherwise need a 偏差原因 the generator does not write.
  const atMost = Math.max(Math.ceil(over), Math.floor(over * 1.2));
  if (met) return `${trimNumber(cap(Math.min(Math.ceil(over + rng.next() * over * 0.05), atMost)))}${unit}`;
  return `${trimNumber(Math.min(Math.floor(v * (0.8 + rng.next() * 0.17)), Math.ceil(v) - 1))}${unit}`;
}

function progressFor(rng: Rng, code: string, indicator: Indicator, forecast: string, met: boolean): ProgressEntry {
  const target = indicator.target;
  const toDate =
    target.value !== null && target.unit !== null && target.unit !== '%' && target.op !== '<=' && target.op !== '<'
      ? `${trimNumber(Math.round(target.value * (0.4 + rng.next() * 0.2)))}${target.unit}`
      : target.unit === '%'
        ? forecast
        : '按计划推进';
  const likelihood: Likelihood = met ? (rng.chance(0.04) ? '有可能' : '确定能') : rng.chance(0.6) ? '有可能' : '不可能';
  const explained = likelihood !== '确定能';
  return {
    projectCode: code,
    indicatorName: indicator.name,
    month: PROGRESS_MONTH,
    valueToDate: toDate,
    forecast,
    likelihood,
    deviationCategory: explained ? rng.pick(DEVIATION_CATEGORIES) : null,
    reason: explained ? rng.pick(DEVIATION_REASONS) : '',
    measures: explained ? rng.pick(IMPROVEMENT_MEASURES) : '',
  };
}

/** The year of one project; `monthsRecorded` months of spending are reported (the year-end actuals use all twelve). */
export function generateProjectYear(
  rng: Rng,
  project: Project,
  money: { fiscalCents: bigint; otherCents: bigint },
  monthsRecorded: number,
): ProjectYear {
  const execution = executionBasisPoints(rng);
  const curve = cumulativeCurve(rng, project, rng.chance(0.1));
  const fiscalYear = (money.fiscalCents * BigInt(execution)) / 10_000n;
  const otherYear = (money.otherCents * BigInt(execution)) / 10_000n;
  const spending = [
    ...monthlySpending(project.code, 'fiscal', fiscalYear, curve, monthsRecorded),
    ...monthlySpending(project.code, 'other', otherYear, curve, monthsRecorded),
  ];
  const missRate = execution < 9_000 ? 0.3 : 0.1;
  const progress: ProgressEntry[] = [];
  const indicators = project.indicators.map((indicator): IndicatorActualEntry => {
    const met = !rng.chance(missRate);
    const actual = actualFor(rng, indicator.target, met);
    progress.push(progressFor(rng, project.code, indicator, actual, met));
    const noNumber = indicator.target.value === null && indicator.target.unit !== null;
    const judged = noNumber ? { band: met ? ('achieved' as const) : ('partly' as const) } : {};
    return met
      ? { name: indicator.name, actual, ...judged }
      : {
          name: indicator.name,
          actual,
          ...judged,
          deviationReason: rng.pick(DEVIATION_REASONS),
          improvementMeasures: rng.pick(IMPROVEMENT_MEASURES),
        };
  });
  const actuals: ProjectActualsEntry = {
    code: project.code,
    adjustedBudget: formatCents(money.fiscalCents + money.otherCents),
    spent: formatCents(fiscalYear + otherYear),
    ...(execution < 9_000
      ? {
          executionReason: `${rng.pick(DEVIATION_REASONS)}，资金结余${formatCents(money.fiscalCents + money.otherCents - fiscalYear - otherYear)}元`,
        }
      : {}),
    indicators,
  };
  return { spending, progress, actuals };
}
