import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { getPolicy } from '../db/policies.repo.ts';
import { MonitoringPolicySchema } from '../domain/monitoring/policy.ts';
import { ReviewPolicySchema } from '../domain/review/policy.ts';
import { ScoringPolicySchema } from '../domain/scoring/policy.ts';
import { POLICY_KINDS, type PolicyKind } from '../contract/policies.ts';

export { POLICY_KINDS, type PolicyKind };

/** Each kind's schema: the same one its reader (review, monitoring, scoring) parses stored bodies with. */
export const POLICY_SCHEMAS = {
  review: ReviewPolicySchema,
  monitoring: MonitoringPolicySchema,
  scoring: ScoringPolicySchema,
} as const satisfies Record<PolicyKind, z.ZodObject>;

export interface PolicyView {
  kind: PolicyKind;
  orgCode: string;
  /** What the organisation stored (a partial body), or null when it keeps the defaults. */
  stored: Record<string, unknown> | null;
  /** The stored body over the defaults: what units under this organisation are held to. */
  effective: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

export function policyDefaults(kind: PolicyKind): Record<string, unknown> {
  return POLICY_SCHEMAS[kind].parse({}) as Record<string, unknown>;
}

/** Stored body over defaults; a stored body that no longer fits the schema shows the defaults (the reader refuses it loudly). */
export function effectivePolicy(kind: PolicyKind, stored: unknown): Record<string, unknown> {
  const parsed = POLICY_SCHEMAS[kind].safeParse(stored ?? {});
  return parsed.success ? (parsed.data as Record<string, unknown>) : policyDefaults(kind);
}

export async function getOrganisationPolicy(db: Db, input: { kind: PolicyKind; orgCode: string }): Promise<PolicyView> {
  const stored = (await getPolicy(db.kysely, input.orgCode, input.kind)) as Record<string, unknown> | null;
  return {
    kind: input.kind,
    orgCode: input.orgCode,
    stored,
    effective: effectivePolicy(input.kind, stored),
    defaults: policyDefaults(input.kind),
  };
}
