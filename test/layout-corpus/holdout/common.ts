import type { IndicatorFacts } from '../facts.ts';
import type { CorpusDocument } from '../table.ts';

/**
 * A held-out document (issue 15): written after the reader, by someone who did not tune it, with the variations
 * real departments' files have. `textTrailing` adds that many empty cells to every tab-separated row (WPS copies
 * a sheet's unused columns).
 */
export interface HoldoutDocument extends CorpusDocument {
  textTrailing?: number;
}

export function target(level1: string, level2: string, name: string, value: string): IndicatorFacts {
  return { level1, level2, name, target: value };
}
