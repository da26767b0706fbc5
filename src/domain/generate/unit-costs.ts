import { GENERAL_THEMES, type ProjectTheme, SECTOR_THEMES } from './pools.ts';
import { derive, type Rng } from './prng.ts';

/**
 * What a unit of output costs in the generated city, so that a project's 数量指标 follows its money
 * (财预〔2015〕88号 第三条（三）: 资金规模与绩效目标之间是否匹配; the review aid appropriateness.unit-cost,
 * decision 032). Each count indicator (三级 name + unit) has one cost per city, drawn from the seed and
 * the name alone; a project's budget is its count × that cost × a spread of ±40 % — inside the aid's
 * default band (3 × the median) by construction, as 1.4 / 0.6 < 3. A planted share of projects
 * (DEFECT_RATES.offCost) is priced far off instead: 6–10 times the cost, or a sixth to a tenth of it,
 * which the aid flags against any median of ordinary peers (≥ 6 / 1.4 and ≥ 0.6 × 6 times apart).
 */

const STREAM_COST = 3;
/** What a typical project of an indicator costs, 元: the city's cost per unit is this ÷ the typical count. */
const TYPICAL_BUDGET: readonly [number, number] = [8_000, 400_000];
const SPREAD = 0.4;
const FAR_OFF: readonly [number, number] = [6, 10];

/** The project's main 数量指标, as projectIndicators writes it. */
export function countIndicatorName(t: ProjectTheme): string {
  return `${t.action}${t.subject}数量`;
}

const keyOf = (t: ProjectTheme) => `${countIndicatorName(t)}\u0000${t.countUnit}`;

/**
 * The typical count of each indicator: the geometric mean of its themes' count ranges. Several themes
 * write the same indicator (救助困难群众数量 in 医疗救助 and 临时救助): they share one cost per unit.
 */
const typicalCounts: ReadonlyMap<string, number> = (() => {
  const logs = new Map<string, number[]>();
  for (const t of [...Object.values(SECTOR_THEMES).flat(), ...GENERAL_THEMES]) {
    const list = logs.get(keyOf(t)) ?? [];
    list.push((Math.log(t.count[0]) + Math.log(t.count[1])) / 2);
    logs.set(keyOf(t), list);
  }
  return new Map([...logs].map(([key, list]) => [key, Math.exp(list.reduce((a, b) => a + b, 0) / list.length)]));
})();

/** FNV-1a: a name → 32 bits, so that its cost depends on (seed, name) and on nothing generated before. */
function hashName(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** 元 per unit of the theme's count indicator in this city. */
function cityUnitCost(seed: number, t: ProjectTheme): number {
  const key = keyOf(t);
  const [low, high] = TYPICAL_BUDGET;
  const typical = Math.exp(Math.log(low) + derive(seed, hashName(key), STREAM_COST).next() * Math.log(high / low));
  return typical / typicalCounts.get(key)!;
}

/**
 * The project's budget in 元 (before rounding) for `count` units: the city's cost per unit × a spread
 * of ±40 %, or far off when `offCost` is planted.
 */
export function budgetForCount(rng: Rng, seed: number, t: ProjectTheme, count: number, offCost: boolean): number {
  const perUnit = cityUnitCost(seed, t);
  const farOff = FAR_OFF[0] + rng.next() * (FAR_OFF[1] - FAR_OFF[0]);
  const factor = offCost ? (rng.chance(0.5) ? farOff : 1 / farOff) : 1 - SPREAD + rng.next() * 2 * SPREAD;
  return count * perUnit * factor;
}
