import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { versionConflict } from '../db/last-change.repo.ts';
import { getPolicy, putPolicy } from '../db/policies.repo.ts';
import { policyVersion } from '../db/policy-version.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';
import {
  POLICY_SCHEMAS,
  type PolicyKind,
  type PolicyView,
  policyDefaults,
  validatePolicyBody,
} from '../contract/policy-bodies.ts';

/**
 * A bureau (or, through the administrator, any organisation) sets its policy of one kind. The body
 * is stored as given, so knobs it leaves out follow future defaults; the audit keeps before/after.
 * With `expectedVersion` (the web form's If-Match), a policy written meanwhile is refused (409).
 */
export async function putOrganisationPolicy(
  db: Db,
  actor: Actor,
  input: { kind: PolicyKind; orgCode: string; policy: unknown; expectedVersion?: number | undefined },
): Promise<PolicyView> {
  const body = validatePolicyBody(input.kind, input.policy);
  const effective = POLICY_SCHEMAS[input.kind].parse(body) as Record<string, unknown>;
  return inTransaction(db, async (trx) => {
    const before = await getPolicy(trx, input.orgCode, input.kind);
    const current = await policyVersion(trx, input.orgCode, input.kind);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      throw await versionConflict(trx, '规则设置', {
        ...current.last,
        currentVersion: current.version,
        expectedVersion: input.expectedVersion,
      });
    }
    if (!(await putPolicy(trx, input.orgCode, input.kind, body))) {
      throw notFound('organisation', input.orgCode, `找不到机构“${input.orgCode}”`, { location: { field: 'orgCode' } });
    }
    await recordAudit(trx, actor, {
      action: 'put-policy',
      entity: 'policy',
      entityKey: `${input.orgCode}/${input.kind}`,
      before,
      after: body,
    });
    return {
      kind: input.kind,
      orgCode: input.orgCode,
      stored: body,
      effective,
      defaults: policyDefaults(input.kind),
      version: current.version + 1,
    };
  });
}
