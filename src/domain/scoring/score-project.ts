import { AppError } from '../errors.ts';
import { type Amount, parseAmountToCents } from '../money.ts';
import type { Indicator, IndicatorCategory, Project } from '../targets.ts';
import { readActual } from './actual-value.ts';
import { exactNumber } from './exact-number.ts';
import { indicatorOutcome } from './indicator-ratio.ts';
import {
  DEFAULT_SCORING_POLICY,
  type ScoringPolicy,
  type ScoringPolicyInput,
  completeScoringPolicy,
} from './policy.ts';
import {
  compare,
  div,
  isZero,
  min,
  mul,
  ONE,
  rational,
  RationalSum,
  sub,
  sum,
  toFixed2,
  ZERO,
  type Rational,
} from '../rational.ts';

const HUNDRED = rational(100n);

/** A project's year-end figures as the 自评表 holds them. Money as decimal strings in 元. */
export interface ProjectActuals {
  adjustedBudget: Amount | null;
  spent: Amount | null;
  /** Why execution stayed below 90 % (required then). */
  executionReason?: string | null;
  indicators: IndicatorActual[];
}

export interface IndicatorActual {
  name: string;
  /** 实际完成值 as written; absent, null or empty = not reported yet. */
  actual?: string | null;
  notApplicable?: boolean;
  /** 偏差原因分析及改进措施. */
  deviationReason?: string | null;
  /** Points set for this indicator (overrides the even split of its category). */
  weight?: number | null;
}

export type Grade = '优' | '良' | '中' | '差';

export interface IndicatorScore {
  name: string;
  category: IndicatorCategory | null;
  target: string;
  actual: string | null;
  /** Points the indicator is worth after rescaling to 100 (0 when not applicable). */
  weight: Rational;
  /** null when missing or not applicable. */
  points: Rational | null;
  met: boolean | null;
  missing: boolean;
  notApplicable: boolean;
  deviationRequired: boolean;
  overAchieved: boolean;
}

export interface ExecutionScore {
  /** 执行数 / 调整后预算数, exact; null when missing or the budget is zero. */
  rate: Rational | null;
  weight: Rational;
  points: Rational | null;
  missing: boolean;
  /** Zero adjusted budget: nothing to execute, the 10 points are rescaled away. */
  notApplicable: boolean;
  deviationRequired: boolean;
}

export interface ProjectScore {
  code: string;
  name: string;
  /** Exact; missing data counts as zero, so an incomplete score is a lower bound. */
  score: Rational;
  /** null while incomplete: a grade on partial data would mislead. */
  grade: Grade | null;
  incomplete: boolean;
  execution: ExecutionScore;
  indicators: IndicatorScore[];
}

/**
 * Scores one project by guide §6: execution 10 × min(rate, 1), each indicator its category's share
 * (or its own weight) × how much of the target it reached, everything rescaled so that what applies
 * adds up to 100. Throws VALIDATION (path into `actuals`) for an actual that names no indicator or
 * cannot be read against its target.
 */
export function scoreProject(
  project: Project,
  actuals: ProjectActuals | null,
  policyInput?: ScoringPolicyInput,
): ProjectScore {
  const policy = policyInput === undefined ? DEFAULT_SCORING_POLICY : completeScoringPolicy(policyInput);
  const matched = matchActuals(project.indicators, actuals?.indicators ?? []);
  const nominal = nominalWeights(project.indicators, matched, policy);
  const execution = executionPart(actuals, policy);

  // What applies is rescaled to add up to 100. Whether an indicator applies is the actuals' say (not
  // its outcome), so the factor is known first and each part is built once, already scaled: no part is
  // written after it is made. Sums in plain loops; with nothing rescaled away the factor is 1.
  const weights = new RationalSum();
  if (!execution.notApplicable) weights.add(execution.weight);
  for (let i = 0; i < nominal.length; i++) if (!matched[i]!.entry?.notApplicable) weights.add(nominal[i]!);
  const available = weights.value();
  const factor = isZero(available) ? ZERO : div(HUNDRED, available);
  const scale =
    factor.n === 1n && factor.d === 1n ? (value: Rational) => value : (value: Rational) => mul(value, factor);
  const scaledExecution = {
    ...execution,
    weight: execution.notApplicable ? ZERO : scale(execution.weight),
    points: execution.points && scale(execution.points),
  };
  const indicators = project.indicators.map((indicator, i) =>
    indicatorPart(indicator, matched[i]!, scale(nominal[i]!), policy),
  );
  const total = new RationalSum();
  if (scaledExecution.points) total.add(scaledExecution.points);
  for (const p of indicators) if (p.points) total.add(p.points);
  const score = total.value();
  const incomplete = execution.missing || indicators.some((p) => p.missing);
  return {
    code: project.code,
    name: project.name,
    score,
    grade: incomplete ? null : gradeOf(score, policy),
    incomplete,
    execution: scaledExecution,
    indicators,
  };
}

/** The grade of a score as shown (rounded to two decimals), so 89.996 shown as 90.00 is 优. */
export function gradeOf(score: Rational, policy: ScoringPolicy = DEFAULT_SCORING_POLICY): Grade {
  const shown = toFixed2(score);
  if (shown >= policy.grades.excellent) return '优';
  if (shown >= policy.grades.good) return '良';
  if (shown >= policy.grades.fair) return '中';
  return '差';
}

interface MatchedActual {
  entry: IndicatorActual | null;
  /** Index in actuals.indicators, for error paths. */
  index: number;
}

/** Actuals name their indicator; a name used twice in a project is matched by order of appearance. */
function matchActuals(indicators: Indicator[], entries: IndicatorActual[]): MatchedActual[] {
  // Usually the actuals list the indicators in their order: then the k-th entry is the k-th
  // indicator's (the same pairing the by-name queues give, duplicates included), and none is stray.
  if (entries.length === indicators.length) {
    let aligned = true;
    for (let k = 0; k < entries.length && aligned; k++)
      aligned = entries[k]!.name.trim() === indicators[k]!.name.trim();
    if (aligned) return entries.map((entry, index) => ({ entry, index }));
  }
  const used = new Set<number>();
  // Each name's entries in order, taken first to last: the same pairing as a scan, in one pass.
  const byName = new Map<string, number[]>();
  entries.forEach((entry, k) => {
    const name = entry.name.trim();
    const queue = byName.get(name);
    if (queue) queue.push(k);
    else byName.set(name, [k]);
  });
  const matched = indicators.map((indicator) => {
    const index = byName.get(indicator.name.trim())?.shift();
    if (index === undefined) return { entry: null, index: -1 };
    used.add(index);
    return { entry: entries[index]!, index };
  });
  const stray = entries.findIndex((_, k) => !used.has(k));
  if (stray >= 0) {
    const known = indicators.map((i) => `“${i.name}”`).join('、');
    throw new AppError('VALIDATION', `项目中没有名为“${entries[stray]!.name}”的三级指标（本项目的指标：${known}）`, {
      location: { path: ['indicators', stray, 'name'] },
    });
  }
  return matched;
}

function effectiveCategory(indicator: Indicator, policy: ScoringPolicy): IndicatorCategory {
  // An unrecognised 一级 counts as 产出, the category every form has.
  const category = indicator.category ?? 'output';
  return category === 'cost' && !policy.costAsOwnCategory ? 'output' : category;
}

/** Category points split evenly among the category's indicators without their own weight. */
function nominalWeights(indicators: Indicator[], matched: MatchedActual[], policy: ScoringPolicy): Rational[] {
  const explicit = matched.map((m) => ((m.entry?.weight ?? null) === null ? null : exactNumber(m.entry!.weight!)));
  const categories = indicators.map((indicator) => effectiveCategory(indicator, policy));
  // One pass per category (not per indicator): the explicit points taken and the indicators left to share the rest.
  const byCategory = new Map<IndicatorCategory, { taken: Rational[]; free: number; share?: Rational }>();
  categories.forEach((category, i) => {
    const entry = byCategory.get(category) ?? { taken: [], free: 0 };
    if (explicit[i]) entry.taken.push(explicit[i]);
    else entry.free += 1;
    byCategory.set(category, entry);
  });
  return indicators.map((_, i) => {
    if (explicit[i]) return explicit[i];
    const entry = byCategory.get(categories[i]!)!;
    if (!entry.share) {
      const taken = sum(entry.taken);
      const rest = exactNumber(policy.categoryPoints[categories[i]!]);
      const left = compare(rest, taken) > 0 ? sub(rest, taken) : ZERO;
      entry.share = div(left, rational(BigInt(entry.free)));
    }
    return entry.share;
  });
}

function executionPart(actuals: ProjectActuals | null, policy: ScoringPolicy): ExecutionScore {
  const weight = exactNumber(policy.executionPoints);
  const base = { weight, rate: null, points: null, missing: false, notApplicable: false, deviationRequired: false };
  const budget = actuals?.adjustedBudget ? parseAmountToCents(actuals.adjustedBudget) : null;
  const spent = actuals?.spent ? parseAmountToCents(actuals.spent) : null;
  if (budget === null || spent === null) return { ...base, missing: true };
  if (budget <= 0n) return { ...base, notApplicable: true };
  const rate = rational(spent, budget);
  const threshold = div(exactNumber(policy.executionReasonBelowPercent), HUNDRED);
  return { ...base, rate, points: mul(weight, min(rate, ONE)), deviationRequired: compare(rate, threshold) < 0 };
}

const unscored = () => ({ points: null, met: null });
const unflagged = () => ({ deviationRequired: false, overAchieved: false });

/** One indicator's part, its weight already rescaled; a new object per branch, its keys always in this order. */
function indicatorPart(
  indicator: Indicator,
  matched: MatchedActual,
  weight: Rational,
  policy: ScoringPolicy,
): IndicatorScore {
  const entry = matched.entry;
  const actual = entry?.actual?.trim() || null;
  const base = { name: indicator.name, category: indicator.category, target: indicator.target.raw, actual };
  if (entry?.notApplicable) {
    return { ...base, weight: ZERO, ...unscored(), missing: false, notApplicable: true, ...unflagged() };
  }
  if (actual === null) return { ...base, weight, ...unscored(), missing: true, notApplicable: false, ...unflagged() };
  let outcome;
  try {
    outcome = indicatorOutcome(indicator.target, readActual(actual, indicator.target), policy);
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError(error.code, `指标“${indicator.name}”：${error.message}`, {
        location: { path: ['indicators', matched.index, 'actual'] },
      });
    }
    throw error;
  }
  return {
    ...base,
    weight,
    // A met target earns ONE: the points are the weight itself (already reduced), no product to reduce.
    points: outcome.ratio === ONE ? weight : mul(weight, outcome.ratio),
    met: outcome.met,
    missing: false,
    notApplicable: false,
    deviationRequired: !outcome.met || outcome.overAchieved,
    overAchieved: outcome.overAchieved,
  };
}
