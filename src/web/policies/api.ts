import { type PolicyKind, type PolicyViewResponse, PolicyViewSchema } from '../../contract/policies.ts';
import { request } from '../http/client.ts';
import { policyPath } from './policy-text.ts';

/** The policies' HTTP calls (src/server/routes/policies.ts); the client adds the CSRF header to the PUT. */
export async function fetchPolicy(kind: PolicyKind, orgCode: string | null): Promise<PolicyViewResponse> {
  return (await request(PolicyViewSchema, policyPath(kind, orgCode))).data;
}

/** Stores `body`, provided nobody wrote the policy since `version` was read (else a 409 to show). */
export async function savePolicy(
  kind: PolicyKind,
  orgCode: string | null,
  body: Record<string, unknown>,
  version: number,
): Promise<PolicyViewResponse> {
  const headers = { 'Content-Type': 'application/json', 'If-Match': `"${version}"` };
  const init = { method: 'PUT', headers, body: JSON.stringify(body) };
  return (await request(PolicyViewSchema, policyPath(kind, orgCode), init)).data;
}
