import type { PolicyKind } from '../../contract/policies.ts';

export function policyPath(kind: PolicyKind, orgCode: string | null): string {
  const query = orgCode ? `?orgCode=${encodeURIComponent(orgCode)}` : '';
  return `/api/bureau/policies/${kind}${query}`;
}

export type ParsedPolicyText =
  { ok: true; body: Record<string, unknown> } | { ok: false; reason: 'badJson' | 'notObject'; message: string };

/** The editor's text as a policy body: a JSON object, or why not (checked before anything is sent). */
export function parsePolicyText(text: string): ParsedPolicyText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'badJson', message: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'notObject', message: '' };
  return { ok: true, body: value as Record<string, unknown> };
}

/** One line per server issue, its path first (`behindPlan.0.points：…`), so the user finds the knob. */
export function issueLines(issues: { path: (string | number)[]; message: string }[]): string[] {
  return issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}：${issue.message}` : issue.message));
}

export function prettyPolicy(policy: unknown): string {
  return JSON.stringify(policy, null, 2);
}
