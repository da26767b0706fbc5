import { AppError } from '../errors.ts';
import type { Amount } from '../money.ts';
import type { Indicator, IndicatorCategory, Project } from '../targets.ts';
import { isFractionOfPercent, isNumericTarget, readActual, type QualitativeBand } from './actual-value.ts';
import { executionPart } from './execution.ts';
import { indicatorOutcome } from './indicator-ratio.ts';
import {
  type CategoryPoints,
  DEFAULT_SCORING_POLICY,
  type ScoringPolicy,
  type ScoringPolicyInput,
  completeScoringPolicy,
} from './policy.ts';
import { judgedOutcome, type JudgedOutcome } from './qualitative.ts';
import { nominalWeights, projectCategoryPoints } from './weights.ts';
import { div, isZero, mul, ONE, rational, RationalSum, toFixed2, ZERO, type Rational } from '../rational.ts';

const HUNDRED = rational(100n);

/** A project's year-end figures as the 自评表 holds them. Money as decimal strings in 元. */
export interface ProjectActuals {
  adjustedBudget: Amount | null;
  spent: Amount | null;
  /** Why execution stayed below 90 % or went above 100 % (required then). */
  executionReason?: string | null;
  /** This project's points per 一级 (财预〔2020〕10号: adjustable per project); with execution they add up to 100. */
  categoryPoints?: Partial<CategoryPoints> | null;
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
  /** The evaluator's band for an indicator without a number (定性, or “… 个”). */
  band?: QualitativeBand | null;
  /** The evaluator's score inside the band, in % of the indicator's weight (e.g. 85). */
  bandPercent?: number | null;
  /** Why this score (评分理由). */
  scoreReason?: string | null;
  /** The evaluator confirmed that an actual like "0.95" against a % target means 0.95 %. */
  percentConfirmed?: boolean;
}

export type Grade = '优' | '良' | '中' | '差';
export type { QualitativeBand };

/** What the evaluator must settle before the indicator has points. */
export type ScoreDecision = null | 'choose-band' | 'no-number' | 'fraction-of-percent';

export interface IndicatorScore {
  name: string;
  category: IndicatorCategory | null;
  target: string;
  actual: string | null;
  /** Points the indicator is worth after rescaling to 100 (0 when not applicable). */
  weight: Rational;
  /** null when missing, not applicable, or waiting for the evaluator's decision. */
  points: Rational | null;
  met: boolean | null;
  missing: boolean;
  notApplicable: boolean;
  deviationRequired: boolean;
  overAchieved: boolean;
  /** The evaluator must decide (points null, project incomplete until then). */
  decision: ScoreDecision;
  /** The band the points were given in (the evaluator's, else the suggestion's). */
  band: QualitativeBand | null;
  /** The band the actual's grade word names. */
  suggestedBand: QualitativeBand | null;
  /** The suggested share of the weight, in percent (the form pre-fills it). */
  suggestedPercent: number | null;
  /** The allowed bandPercent range of the chosen (or suggested) band. */
  bandRange: { min: number; max: number } | null;
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
  /** Shown, never hidden in a full or zero score: a budget of 0, or spending above the adjusted budget. */
  flag: null | 'zero-budget' | 'over-spent';
}

export interface ProjectScore {
  code: string;
  name: string;
  /** Exact; missing data counts as zero, so an incomplete score is a lower bound. */
  score: Rational;
  /** null while incomplete or not scorable: a grade on partial data would mislead. */
  grade: Grade | null;
  incomplete: boolean;
  /** false when no indicator applies: 不可评分, not 0 差. */
  scorable: boolean;
  execution: ExecutionScore;
  indicators: IndicatorScore[];
}

/**
 * Scores one project by 财预〔2020〕10号 (guide §6, decision 031): execution 10 × min(rate, 1), each
 * indicator its category's share (or its own weight) × how much of the target it reached, or the
 * evaluator's band share for one without a number, everything rescaled so that what applies adds up to
 * 100. What the evaluator must still decide leaves points null (`decision`) and the project incomplete.
 * Throws VALIDATION (path into `actuals`) for an actual that names no indicator or cannot be read
 * against its numeric target, a band score outside its band, or weights that do not add up.
 */
export function scoreProject(
  project: Project,
  actuals: ProjectActuals | null,
  policyInput?: ScoringPolicyInput,
): ProjectScore {
  const policy = policyInput === undefined ? DEFAULT_SCORING_POLICY : completeScoringPolicy(policyInput);
  const matched = matchActuals(project.indicators, actuals?.indicators ?? []);
  const categoryPoints = projectCategoryPoints(actuals?.categoryPoints, policy);
  const nominal = nominalWeights(project.indicators, matched, policy, categoryPoints);
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
  const incomplete = execution.missing || indicators.some((p) => p.missing || p.decision !== null);
  const scorable = indicators.some((p) => !p.notApplicable);
  return {
    code: project.code,
    name: project.name,
    score,
    grade: incomplete || !scorable ? null : gradeOf(score, policy),
    incomplete,
    scorable,
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

const unscored = () => ({ points: null, met: null });
const unflagged = () => ({ deviationRequired: false, overAchieved: false });
const unjudged = () => ({ decision: null, band: null, suggestedBand: null, suggestedPercent: null, bandRange: null });

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
    return { ...base, weight: ZERO, ...unscored(), missing: false, notApplicable: true, ...unflagged(), ...unjudged() };
  }
  if (actual === null) {
    return { ...base, weight, ...unscored(), missing: true, notApplicable: false, ...unflagged(), ...unjudged() };
  }
  if (!isNumericTarget(indicator.target)) {
    const judged = judgedOutcome(indicator.target, actual, entry ?? {}, weight, policy, matched.index);
    return { ...base, weight, ...judgedFields(judged) };
  }
  if (isFractionOfPercent(actual, indicator.target) && !entry?.percentConfirmed) {
    const decision = { ...unjudged(), decision: 'fraction-of-percent' as const };
    return { ...base, weight, ...unscored(), missing: false, notApplicable: false, ...unflagged(), ...decision };
  }
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
    ...unjudged(),
  };
}

/** A judged indicator's fields after its weight: a band below 达成 needs a 偏差原因 like a missed number. */
function judgedFields(judged: JudgedOutcome) {
  return {
    points: judged.points,
    met: judged.met,
    missing: false,
    notApplicable: false,
    deviationRequired: judged.met === false,
    overAchieved: false,
    decision: judged.decision,
    band: judged.band,
    suggestedBand: judged.suggestedBand,
    suggestedPercent: judged.suggestedPercent,
    bandRange: judged.bandRange,
  };
}
