import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { getPolicy, putPolicy } from '../db/policies.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';
import { resolveReviewPolicy } from '../domain/review/index.ts';
import { ReviewPolicySchema } from '../contract/policies.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { StoredReviewPolicy } from './get-review-policy.ts';

/**
 * A bureau (or department) sets its review thresholds. The body is checked strictly (a misspelt
 * key is refused rather than silently ignored) and stored as given, so knobs it leaves out follow
 * future defaults.
 */
export async function putReviewPolicy(
  db: Db,
  actor: Actor,
  input: { orgCode: string; policy: unknown },
): Promise<StoredReviewPolicy> {
  const body = validateInput(ReviewPolicySchema.partial().strict(), input.policy, '审核规则设置');
  return inTransaction(db, async (trx) => {
    const before = await getPolicy(trx, input.orgCode, 'review');
    if (!(await putPolicy(trx, input.orgCode, 'review', input.policy))) {
      throw notFound('organisation', input.orgCode, `找不到机构“${input.orgCode}”`, { location: { field: 'orgCode' } });
    }
    await recordAudit(trx, actor, {
      action: 'put-review-policy',
      entity: 'policy',
      entityKey: `${input.orgCode}/review`,
      before,
      after: input.policy,
    });
    return {
      orgCode: input.orgCode,
      stored: input.policy as Record<string, unknown>,
      effective: resolveReviewPolicy(body),
    };
  });
}
