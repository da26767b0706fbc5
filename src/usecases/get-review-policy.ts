import type { Db } from '../db/database.ts';
import { getPolicy } from '../db/policies.repo.ts';
import { ReviewPolicySchema } from '../contract/policies.ts';
import { type ReviewPolicy, resolveReviewPolicy } from '../domain/review/index.ts';

export interface StoredReviewPolicy {
  orgCode: string;
  /** What the organisation stored (a partial body), or null when it keeps the defaults. */
  stored: Record<string, unknown> | null;
  /** The stored body over the defaults: what the review uses for units under this organisation. */
  effective: ReviewPolicy;
}

/** An organisation's review thresholds: as stored, and over the defaults (the defaults when the body no longer fits). */
export async function getReviewPolicy(db: Db, input: { orgCode: string }): Promise<StoredReviewPolicy> {
  const stored = (await getPolicy(db.kysely, input.orgCode, 'review')) as Record<string, unknown> | null;
  const parsed = ReviewPolicySchema.safeParse(stored ?? {});
  return { orgCode: input.orgCode, stored, effective: parsed.success ? parsed.data : resolveReviewPolicy() };
}
