import { describeTargetKind } from '../../domain/target-value.ts';
import type { Indicator, TargetValue } from '../../domain/targets.ts';

/**
 * Layout helpers for the official project table (绩效目标表): vertical merges of the 一级/二级 columns,
 * and the editor's group headings that follow the same merges.
 */

/**
 * rowSpan per row for a column: the first row of a run of equal consecutive keys spans the run,
 * the others get 0 (not rendered). ["a","a","b"] → [2,0,1].
 */
export function mergeRowSpans(keys: readonly string[]): number[] {
  const spans = new Array<number>(keys.length).fill(0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i] !== keys[start]) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}

export interface IndicatorRowSpans {
  level1: number;
  level2: number;
}

/** 一级 merges on equal 一级; 二级 merges only inside the same 一级 run (same text under another 一级 is another cell). */
export function indicatorRowSpans(indicators: readonly Pick<Indicator, 'level1' | 'level2'>[]): IndicatorRowSpans[] {
  const level1 = mergeRowSpans(indicators.map((i) => i.level1));
  const level2 = mergeRowSpans(indicators.map((i) => JSON.stringify([i.level1, i.level2])));
  return indicators.map((_, i) => ({ level1: level1[i]!, level2: level2[i]! }));
}

/**
 * The rows of the 一级 (or 二级) run that row `index` is in: the rows one merged cell spans, which its input
 * renames together.
 */
export function groupRun(
  indicators: readonly Pick<Indicator, 'level1' | 'level2'>[],
  field: 'level1' | 'level2',
  index: number,
): number[] {
  const key = (i: number) =>
    field === 'level1' ? indicators[i]!.level1 : JSON.stringify([indicators[i]!.level1, indicators[i]!.level2]);
  if (index < 0 || index >= indicators.length) return [];
  let start = index;
  while (start > 0 && key(start - 1) === key(index)) start -= 1;
  let end = index;
  while (end + 1 < indicators.length && key(end + 1) === key(index)) end += 1;
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/**
 * An indicator value without a number where one is expected: empty, or a unit alone (the seed's
 * 补助个人数量 "个"). Qualitative values such as "及时" are not missing.
 */
export function isMissingTargetValue(target: TargetValue): boolean {
  const kind = describeTargetKind(target);
  return kind === 'missing-number' || kind === 'empty';
}

/**
 * The editor's group headings: "一级 / 二级" before each row that starts a run the official table merges
 * (same runs as indicatorRowSpans), null elsewhere. Rows not yet given a 一级 start no group.
 */
export function groupHeads(
  indicators: readonly (Partial<Pick<Indicator, 'level1' | 'level2'>> | undefined)[],
): (string | null)[] {
  const rows = indicators.map((i) => ({ level1: (i?.level1 ?? '').trim(), level2: (i?.level2 ?? '').trim() }));
  const spans = indicatorRowSpans(rows);
  return rows.map((row, i) => {
    if (row.level1 === '' || spans[i]!.level2 === 0) return null;
    return row.level2 === '' ? row.level1 : `${row.level1} / ${row.level2}`;
  });
}
