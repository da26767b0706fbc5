import type { OverallIndicatorsBody } from '../../contract/department-evaluation.ts';
import { indicatorsFromNarrative } from '../../domain/department-evaluation/from-narrative.ts';
import type { OverallTargets } from '../../domain/targets.ts';

/** One row of the overall indicators editor, as the user types it. */
export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  basis: string;
  description: string;
}

export function rowsOf(overall: OverallTargets): IndicatorRow[] {
  return (overall.indicators ?? []).map((i) => ({
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    target: i.target.raw,
    basis: i.basis,
    description: i.description,
  }));
}

/**
 * The candidates the narrative states as numbers ("参赛单位达到60家") as editable rows (src/domain's
 * `indicatorsFromNarrative`): a first draft the user corrects, never stored without the user's save.
 */
export function rowsFromNarrative(overall: OverallTargets): IndicatorRow[] {
  return rowsOf({ ...overall, indicators: indicatorsFromNarrative(overall) });
}

export const emptyRow = (): IndicatorRow => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '',
  target: '',
  basis: '计划标准',
  description: '',
});

/** What the server takes: the rows (empty ones dropped) and the budget (empty = not stated). */
export function bodyOf(
  rows: readonly IndicatorRow[],
  budget: { fiscal: string; other: string },
): OverallIndicatorsBody {
  const amount = (text: string) => (text.trim() === '' ? null : text.trim());
  const fiscal = amount(budget.fiscal);
  const other = amount(budget.other);
  return {
    indicators: rows
      .filter((r) => r.name.trim() !== '' || r.target.trim() !== '')
      .map((r) => ({
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        description: r.description,
        target: { raw: r.target },
        basis: r.basis,
      })),
    budget: fiscal === null && other === null ? null : { total: null, fiscal, other },
  };
}
