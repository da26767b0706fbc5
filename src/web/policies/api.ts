import { type PolicyKind, type PolicyViewResponse, PolicyViewSchema } from '../../contract/policies.ts';
import { request } from '../http/client.ts';
import { policyPath } from './policy-text.ts';

/** The policies' HTTP calls (src/server/routes/policies.ts); the client adds the CSRF header to the PUT. */
export async function fetchPolicy(kind: PolicyKind, orgCode: string | null): Promise<PolicyViewResponse> {
  return (await request(PolicyViewSchema, policyPath(kind, orgCode))).data;
}

export async function savePolicy(
  kind: PolicyKind,
  orgCode: string | null,
  body: Record<string, unknown>,
): Promise<PolicyViewResponse> {
  const init = { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  return (await request(PolicyViewSchema, policyPath(kind, orgCode), init)).data;
}
