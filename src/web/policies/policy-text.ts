import type { PolicyKind } from '../../contract/policies.ts';

export function policyPath(kind: PolicyKind, orgCode: string | null): string {
  const query = orgCode ? `?orgCode=${encodeURIComponent(orgCode)}` : '';
  return `/api/bureau/policies/${kind}${query}`;
}
