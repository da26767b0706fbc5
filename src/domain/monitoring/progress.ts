import { AppError, type ErrorIssue } from '../errors.ts';
import { parseTargetValue } from '../target-value.ts';
import type { TargetValue } from '../targets.ts';

export const LIKELIHOODS = ['确定能', '有可能', '不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const DEVIATION_CATEGORIES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];

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
  deviationCategory: DeviationCategory | null;
  reason: string;
  measures: string;
}

/** 有可能 / 不可能 mean the target may be missed: then the cause and the remedy must be stated. */
function needsDeviationAnalysis(likelihood: Likelihood): boolean {
  return likelihood !== '确定能';
}

/** The guide §5 rule, with one issue per missing field; throws VALIDATION. */
export function checkIndicatorProgress(progress: IndicatorProgress): void {
  const issues: ErrorIssue[] = [];
  if (needsDeviationAnalysis(progress.likelihood)) {
    if (progress.deviationCategory === null) {
      issues.push({
        field: 'deviationCategory',
        message: `完成目标可能性为“${progress.likelihood}”时必须选择偏差原因类别`,
      });
    }
    if (progress.deviationCategory === '其他' && progress.reason.trim() === '') {
      issues.push({ field: 'reason', message: '偏差原因类别为“其他”时必须说明原因' });
    }
    if (progress.measures.trim() === '') {
      issues.push({
        field: 'measures',
        message: `完成目标可能性为“${progress.likelihood}”时必须填写完成目标拟采取的措施`,
      });
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
