import type { Db } from '../db/database.ts';
import { reviewPolicyForUnit } from '../db/policies.repo.ts';
import { type UnitReview, reviewDocument } from '../domain/review/unit-review.ts';
import { getTargets } from './get-targets.ts';

/** 绩效目标审核 of a stored unit-year, under the review policy of the unit's department or bureau. */
export async function reviewStoredTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<UnitReview> {
  const { document } = await getTargets(db, input);
  const policy = await reviewPolicyForUnit(db.kysely, input.unitCode);
  return reviewDocument(document, input.unitCode, input.fiscalYear, policy);
}
