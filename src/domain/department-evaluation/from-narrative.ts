import { normaliseIndicator } from '../normalise.ts';
import { extractNarrativeIndicators } from '../review/narrative.ts';
import type { Indicator, OverallTargets } from '../targets.ts';

/** A count ("60家", "2000人") is a 数量指标; a share a 质量指标; a time limit a 时效指标 — by the unit written. */
function level2Of(unit: string | null): string {
  if (unit === '%') return '质量指标';
  if (unit !== null && /^(天|日|月|小时|工作日)$/.test(unit)) return '时效指标';
  return '数量指标';
}

/**
 * The quantities the narrative goals state ("参赛单位达到60家") as department-level indicators (decision 045):
 * 产出指标, the 二级 by the unit, 计划标准, the sentence as the description; one per name (the first). A first
 * draft for the user (the editor) or the demo, never stored without a save.
 */
export function indicatorsFromNarrative(overall: OverallTargets): Indicator[] {
  const seen = new Set<string>();
  return extractNarrativeIndicators(overall)
    .filter((candidate) => !seen.has(candidate.name) && seen.add(candidate.name))
    .map((candidate) =>
      normaliseIndicator({
        level1: '产出指标',
        level2: level2Of(candidate.target.unit),
        name: candidate.name,
        description: candidate.sentence,
        target: candidate.target,
        basis: '计划标准',
        category: null,
      }),
    );
}
