import type { Db } from '../db/database.ts';
import { getPolicy } from '../db/policies.repo.ts';
import { policyVersion } from '../db/policy-version.repo.ts';
import { type PolicyKind, type PolicyView, effectivePolicy, policyDefaults } from '../contract/policy-bodies.ts';

/** An organisation's policy of one kind: as stored, over the defaults, and the defaults themselves. */
export async function getOrganisationPolicy(db: Db, input: { kind: PolicyKind; orgCode: string }): Promise<PolicyView> {
  const stored = (await getPolicy(db.kysely, input.orgCode, input.kind)) as Record<string, unknown> | null;
  const { version } = await policyVersion(db.kysely, input.orgCode, input.kind);
  return {
    kind: input.kind,
    orgCode: input.orgCode,
    stored,
    effective: effectivePolicy(input.kind, stored),
    defaults: policyDefaults(input.kind),
    version,
  };
}
