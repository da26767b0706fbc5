import type { Db } from '../db/database.ts';
import { listIndicatorPeers } from '../db/indicator-peers.repo.ts';
import { reviewPolicyForUnit } from '../db/policies.repo.ts';
import { previousTargetsYear } from '../db/results-list.repo.ts';
import { quantityNames } from '../domain/review/unit-cost.ts';
import { type UnitReview, reviewDocument } from '../domain/review/unit-review.ts';
import { getTargets } from './get-targets.ts';
import { lastYearResults } from './last-year-results.ts';

/**
 * 绩效目标审核 of a stored unit-year, under the review policy of the unit's department or bureau. The cost per
 * unit of output (appropriateness.unit-cost) is compared with the unit's other projects, its own targets of the
 * year before and the other units of its bureau this year, read in one query; the grade does not count it.
 */
export async function reviewStoredTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<UnitReview> {
  const { document } = await getTargets(db, input);
  const policy = await reviewPolicyForUnit(db.kysely, input.unitCode);
  const peers = policy.disabledRules.includes('appropriateness.unit-cost')
    ? []
    : await listIndicatorPeers(db.kysely, { ...input, names: quantityNames(document) });
  // Last year's 自评 grades feed feasibility.last-year-poor (decision 048).
  const lastYear = policy.disabledRules.includes('feasibility.last-year-poor')
    ? []
    : await lastYearResults(db.kysely, input, await previousTargetsYear(db.kysely, input));
  return reviewDocument(document, input.unitCode, input.fiscalYear, policy, peers, lastYear);
}
