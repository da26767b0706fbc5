import type { IndicatorFacts } from '../facts.ts';
import type { CellInput } from '../table.ts';
import { treeRows } from '../table.ts';

/** Indicator rows of a nested-tree form whose cells after 一级/二级 are 三级 and the 指标值 as the facts hold them. */
export function targetTree(indicators: IndicatorFacts[], more: (i: IndicatorFacts) => CellInput[] = () => []) {
  return treeRows(
    indicators.map((i) => ({ level1: i.level1, level2: i.level2, cells: [i.name, i.target, ...more(i)] })),
  );
}

/** A quantity indicator with its target as written. */
export function indicator(level1: string, level2: string, name: string, target: string): IndicatorFacts {
  return { level1, level2, name, target };
}
