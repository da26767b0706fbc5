import type { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import {
  DepartmentEvaluationPolicySchema,
  MonitoringPolicySchema,
  type PolicyKind,
  ReviewPolicySchema,
  ScoringPolicyFieldsSchema,
  ScoringPolicySchema,
} from './policies.ts';
import { validateInput } from './validate-input.ts';

export type { PolicyKind };

/**
 * An organisation's policy bodies (review, monitoring, scoring): stored partial, read over the
 * defaults. What a body may contain and what it means, whoever stores or shows it.
 */

/** Each kind's schema: the same one its reader (review, monitoring, scoring) parses stored bodies with. */
export const POLICY_SCHEMAS = {
  review: ReviewPolicySchema,
  monitoring: MonitoringPolicySchema,
  scoring: ScoringPolicySchema,
  'department-evaluation': DepartmentEvaluationPolicySchema,
} as const satisfies Record<PolicyKind, z.ZodType>;

/** Each kind's knobs one by one, for a partial body (the scoring policy's cross-knob checks run on the whole). */
const POLICY_FIELDS = {
  review: ReviewPolicySchema,
  monitoring: MonitoringPolicySchema,
  scoring: ScoringPolicyFieldsSchema,
  'department-evaluation': DepartmentEvaluationPolicySchema,
} as const satisfies Record<PolicyKind, z.ZodObject>;

export interface PolicyView {
  kind: PolicyKind;
  orgCode: string;
  /** What the organisation stored (a partial body), or null when it keeps the defaults. */
  stored: Record<string, unknown> | null;
  /** The stored body over the defaults: what units under this organisation are held to. */
  effective: Record<string, unknown>;
  defaults: Record<string, unknown>;
  /** The number of writes of this policy so far (decision 041: a stale save is refused with 409). */
  version: number;
}

export function policyDefaults(kind: PolicyKind): Record<string, unknown> {
  return POLICY_SCHEMAS[kind].parse({}) as Record<string, unknown>;
}

/** Stored body over defaults; a stored body that no longer fits the schema shows the defaults (the reader refuses it loudly). */
export function effectivePolicy(kind: PolicyKind, stored: unknown): Record<string, unknown> {
  const parsed = POLICY_SCHEMAS[kind].safeParse(stored ?? {});
  return parsed.success ? (parsed.data as Record<string, unknown>) : policyDefaults(kind);
}

const SUBJECT: Record<PolicyKind, string> = {
  review: '审核规则设置',
  monitoring: '运行监控规则设置',
  scoring: '绩效评分规则设置',
  'department-evaluation': '部门整体评价规则设置',
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
  const parsed = validateInput(POLICY_FIELDS[kind].partial(), body, subject) as Record<string, unknown>;
  const unknown = unknownKeyPaths(body, parsed);
  if (unknown.length > 0) {
    const issues = unknown.map((path) => ({ path, message: `未知的设置项“${String(path.at(-1))}”` }));
    throw new AppError('VALIDATION', `${subject}不符合要求：${unknown[0]!.join('.')}：${issues[0]!.message}`, {
      location: { path: unknown[0]! },
      issues,
    });
  }
  // The body over the defaults must hold together (scoring: points add up to 100, bands contiguous).
  validateInput(POLICY_SCHEMAS[kind], body, subject);
  return body as Record<string, unknown>;
}
