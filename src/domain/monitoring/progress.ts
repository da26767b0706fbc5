import { AppError, type ErrorIssue } from '../errors.ts';
import { parseTargetValue } from '../target-value.ts';
import type { TargetValue } from '../targets.ts';

export const LIKELIHOODS = ['确定能', '有可能', '不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const DEVIATION_CATEGORIES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];

/**
 * 完成目标可能性 as people and older forms write it: the 136号 table's third choice is 不可能, and older
 * Jixiao screens and some provinces' forms say 完全不可能 — the same answer, stored under the official label.
 */
export function normaliseLikelihood(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  const folded = text.replace(/\s/g, '');
  return folded === '完全不可能' ? '不可能' : folded;
}

/** One indicator's progress at a monitoring checkpoint (the 监控表's indicator columns). */
export interface IndicatorProgress {
  projectCode: string;
  /** 三级指标 name: names survive re-imports and edits, positions do not. */
  indicatorName: string;
  month: number;
  /** 执行情况 to date, as written ("45%", "完成体检 60 人"). */
  valueToDate: string;
  /** 全年预计完成情况. */
  forecast: string;
  likelihood: Likelihood;
  /** The first of `deviationCategories`: what readers written before 136号 categories became a list show. */
  deviationCategory: DeviationCategory | null;
  /**
   * 偏差原因 categories (136号 lists 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他; a deviation may have several
   * causes). Absent where a reader predates the list (bulk summaries): then `deviationCategory` alone.
   */
  deviationCategories?: DeviationCategory[];
  /** 原因说明. */
  reason: string;
  /** 改进措施. */
  measures: string;
}

/** Every category of a progress row, old single-category rows included. */
export function categoriesOf(progress: IndicatorProgress): DeviationCategory[] {
  if (progress.deviationCategories && progress.deviationCategories.length > 0) return progress.deviationCategories;
  return progress.deviationCategory === null ? [] : [progress.deviationCategory];
}

/** 有可能 / 不可能 mean the target may be missed: then the cause and the remedy must be stated. */
function needsDeviationAnalysis(likelihood: Likelihood): boolean {
  return likelihood !== '确定能';
}

/**
 * The 136号 rule (guide §5), one issue per missing field; throws VALIDATION naming the first. 有可能 / 不可能 say
 * the target may be missed: the cause (one or more categories), its 原因说明 and the 改进措施 must all be stated.
 */
export function checkIndicatorProgress(progress: IndicatorProgress): void {
  const issues: ErrorIssue[] = [];
  if (needsDeviationAnalysis(progress.likelihood)) {
    const when = `完成目标可能性为“${progress.likelihood}”时`;
    if (categoriesOf(progress).length === 0) {
      issues.push({ field: 'deviationCategories', message: `${when}必须选择偏差原因类别` });
    }
    if (progress.reason.trim() === '') {
      issues.push({ field: 'reason', message: `${when}必须填写原因说明` });
    }
    if (progress.measures.trim() === '') {
      issues.push({ field: 'measures', message: `${when}必须填写改进措施` });
    }
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION', `指标“${progress.indicatorName}”的监控信息不完整：${issues[0]!.message}`, {
      location: { field: issues[0]!.field },
      issues,
    });
  }
}

/**
 * Whether a full-year forecast misses the target, read by the target-value grammar: true or false
 * when both are numbers in the same unit, null when it cannot tell (qualitative, other unit).
 */
export function forecastMissesTarget(target: TargetValue, forecastText: string): boolean | null {
  const forecast = parseTargetValue(forecastText);
  if (forecast.value === null || forecast.op === 'range') return null;
  if (target.unit !== null && forecast.unit !== null && target.unit !== forecast.unit) return null;
  const f = forecast.value;
  switch (target.op) {
    case '>=':
      return f < target.value!;
    case '>':
      return f <= target.value!;
    case '<=':
      return f > target.value!;
    case '<':
      return f >= target.value!;
    case '=':
      return f !== target.value;
    case 'range':
      return f < (target.min ?? -Infinity) || f > (target.max ?? Infinity);
    default:
      return null;
  }
}
