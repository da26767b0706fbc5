import type { TargetsDocument } from '../targets.ts';
import { type NarrativeIndicator, extractNarrativeIndicators, reviewTargets } from './index.ts';
import type { ReviewPolicy } from './policy.ts';
import type { ReviewReport } from './types.ts';
import type { IndicatorPeer } from './unit-cost.ts';
import type { LastYearMatch } from '../results/last-year.ts';

/** 绩效目标审核 of one unit-year: the rules' report and the candidate overall indicators. */
export interface UnitReview {
  unitCode: string;
  fiscalYear: number;
  report: ReviewReport;
  /** Quantities found in the department's 分项绩效目标: candidate overall indicators. */
  narrativeIndicators: NarrativeIndicator[];
}

/** A document reviewed under a resolved policy, stored or read from a file alike. */
export function reviewDocument(
  document: TargetsDocument,
  unitCode: string,
  fiscalYear: number,
  policy: ReviewPolicy,
  peers: readonly IndicatorPeer[] = [],
  lastYear: readonly LastYearMatch[] = [],
): UnitReview {
  return {
    unitCode,
    fiscalYear,
    report: reviewTargets(document, policy, peers, lastYear),
    narrativeIndicators: extractNarrativeIndicators(document.overall),
  };
}
