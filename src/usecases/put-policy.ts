import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { getPolicy, putPolicy } from '../db/policies.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { POLICY_SCHEMAS, type PolicyKind, type PolicyView, policyDefaults } from './get-policy.ts';
import { validateInput } from './usecase-input.ts';

const SUBJECT: Record<PolicyKind, string> = {
  review: '审核规则设置',
  monitoring: '运行监控规则设置',
  scoring: '绩效评分规则设置',
};

/**
 * Keys of `input` the schema does not know, at any depth: zod strips unknown nested keys, so they
 * are found by comparing the input with the parsed output (which holds every known key, defaults
 * filled). A misspelt knob is refused rather than silently ignored.
 */
export function unknownKeyPaths(
  input: unknown,
  parsed: unknown,
  path: (string | number)[] = [],
): (string | number)[][] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, index) => unknownKeyPaths(item, parsed[index], [...path, index]));
  }
  if (!isRecord(input) || !isRecord(parsed)) return [];
  return Object.entries(input).flatMap(([key, value]) =>
    key in parsed ? unknownKeyPaths(value, parsed[key], [...path, key]) : [[...path, key]],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a policy body of `kind`: any subset of the knobs, every given value checked, no unknown key. */
export function validatePolicyBody(kind: PolicyKind, body: unknown): Record<string, unknown> {
  const subject = SUBJECT[kind];
  const parsed = validateInput(POLICY_SCHEMAS[kind].partial(), body, subject) as Record<string, unknown>;
  const unknown = unknownKeyPaths(body, parsed);
  if (unknown.length > 0) {
    const issues = unknown.map((path) => ({ path, message: `未知的设置项“${String(path.at(-1))}”` }));
    throw new AppError('VALIDATION', `${subject}不符合要求：${unknown[0]!.join('.')}：${issues[0]!.message}`, {
      location: { path: unknown[0]! },
      issues,
    });
  }
  return body as Record<string, unknown>;
}

/**
 * A bureau (or, through the administrator, any organisation) sets its policy of one kind. The body
 * is stored as given, so knobs it leaves out follow future defaults; the audit keeps before/after.
 */
export async function putOrganisationPolicy(
  db: Db,
  actor: Actor,
  input: { kind: PolicyKind; orgCode: string; policy: unknown },
): Promise<PolicyView> {
  const body = validatePolicyBody(input.kind, input.policy);
  const effective = POLICY_SCHEMAS[input.kind].parse(body) as Record<string, unknown>;
  return inTransaction(db, async (trx) => {
    const before = await getPolicy(trx, input.orgCode, input.kind);
    if (!(await putPolicy(trx, input.orgCode, input.kind, body))) {
      throw new AppError('NOT_FOUND', `找不到机构“${input.orgCode}”`, { location: { field: 'orgCode' } });
    }
    await recordAudit(trx, actor, {
      action: 'put-policy',
      entity: 'policy',
      entityKey: `${input.orgCode}/${input.kind}`,
      before,
      after: body,
    });
    return { kind: input.kind, orgCode: input.orgCode, stored: body, effective, defaults: policyDefaults(input.kind) };
  });
}
