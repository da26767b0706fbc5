import { AppError } from '../errors.ts';
import type { Indicator, IndicatorCategory } from '../targets.ts';
import { compare, div, rational, sub, sum, ZERO, type Rational } from '../rational.ts';
import { exactNumber } from './exact-number.ts';
import {
  CATEGORY_LABELS,
  categoryTotalIssue,
  type CategoryPoints,
  type ScoringCategory,
  type ScoringPolicy,
} from './policy.ts';

interface WeightedActual {
  weight?: number | null;
}

/**
 * The category points this project is held to: the policy's, or the 自评表's own (财预〔2020〕10号:
 * weights adjustable per project), which must add up to 100 with execution: VALIDATION naming the field.
 */
export function projectCategoryPoints(
  override: Partial<CategoryPoints> | null | undefined,
  policy: ScoringPolicy,
): CategoryPoints {
  if (!override) return policy.categoryPoints;
  const points = { ...policy.categoryPoints };
  for (const [key, value] of Object.entries(override) as [ScoringCategory, number | undefined][]) {
    if (value === undefined || value === null) continue;
    if (!Number.isFinite(value) || value < 0)
      throw new AppError('VALIDATION', `${CATEGORY_LABELS[key]}指标分值应为不小于 0 的数`, {
        location: { path: ['categoryPoints', key] },
      });
    points[key] = value;
  }
  const issue = categoryTotalIssue(policy.executionPoints, points, policy.costAsOwnCategory, ['categoryPoints']);
  if (issue)
    throw new AppError('VALIDATION', `本项目的一级指标分值：${issue.message}`, { location: { path: issue.path } });
  return points;
}

function effectiveCategory(indicator: Indicator, policy: ScoringPolicy): ScoringCategory {
  // An unrecognised 一级 counts as 产出, the category every form has.
  const category: IndicatorCategory = indicator.category ?? 'output';
  return category === 'cost' && !policy.costAsOwnCategory ? 'output' : category;
}

/**
 * Category points split evenly among the category's indicators without their own weight. Weights set
 * per indicator may not leave those others less than nothing: when they add up to more than their
 * category's points, VALIDATION on the one that overflows. A category whose every indicator carries
 * its own 分值 (a provincial 自评表 printing one per row) is taken as the form gives it.
 */
export function nominalWeights(
  indicators: readonly Indicator[],
  entries: readonly { entry: WeightedActual | null; index: number }[],
  policy: ScoringPolicy,
  categoryPoints: CategoryPoints,
): Rational[] {
  const explicit = entries.map((m) => ((m.entry?.weight ?? null) === null ? null : exactNumber(m.entry!.weight!)));
  const categories = indicators.map((indicator) => effectiveCategory(indicator, policy));
  // One pass per category (not per indicator): the explicit points taken and the indicators left to share the rest.
  const byCategory = new Map<ScoringCategory, { taken: Rational[]; last: number; free: number; share?: Rational }>();
  categories.forEach((category, i) => {
    const entry = byCategory.get(category) ?? { taken: [], last: -1, free: 0 };
    if (explicit[i]) {
      entry.taken.push(explicit[i]);
      entry.last = entries[i]!.index;
    } else entry.free += 1;
    byCategory.set(category, entry);
  });
  for (const [category, entry] of byCategory) {
    if (entry.free > 0 && entry.taken.length > 0)
      refuseOverflow(sum(entry.taken), category, categoryPoints, entry.last);
  }
  return indicators.map((_, i) => {
    if (explicit[i]) return explicit[i];
    const entry = byCategory.get(categories[i]!)!;
    if (!entry.share) {
      const taken = sum(entry.taken);
      const rest = exactNumber(categoryPoints[categories[i]!]);
      const left = compare(rest, taken) > 0 ? sub(rest, taken) : ZERO;
      entry.share = div(left, rational(BigInt(entry.free)));
    }
    return entry.share;
  });
}

function refuseOverflow(taken: Rational, category: ScoringCategory, points: CategoryPoints, index: number): void {
  const limit = exactNumber(points[category]);
  if (compare(taken, limit) <= 0) return;
  throw new AppError(
    'VALIDATION',
    `${CATEGORY_LABELS[category]}指标已设分值合计超过该一级指标的 ${points[category]} 分，其余指标无分可分`,
    { location: { path: ['indicators', index, 'weight'] } },
  );
}
