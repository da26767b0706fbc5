import type { PolicyKind } from '../../contract/policies.ts';
import { WARNING_LEVELS } from '../../domain/monitoring/policy.ts';

/**
 * What each knob of each policy kind is, for a person: the form is generated from this table, the
 * diff before saving names the knobs from it, and a unit test fails when a schema key has no row
 * here (a new knob must be described before it reaches the screen). Labels, explanations and units
 * are message keys (policies/field-messages.ts, both locales): `policies.f.<kind>.<path>` is the
 * label, `policies.h.<kind>.<path>` the explanation.
 */

/** How a value is measured, shown after the input (message `policies.u.<unit>`). */
export type FieldUnit = 'percent' | 'pp' | 'points' | 'count' | 'times' | 'days' | 'yuan' | 'month' | 'share';

export type ValueKind =
  | { type: 'number'; min: number; max?: number; integer?: boolean; step?: number; unit?: FieldUnit }
  | { type: 'switch' }
  /** One of fixed values; each value's words are `policies.o.<value>`. */
  | { type: 'select'; options: readonly string[] }
  /** A list of words (tags). */
  | { type: 'words' }
  /** Review rules switched off, chosen from the rule catalogue by title. */
  | { type: 'rules' }
  /** 元 as text with at most two decimals (exact money, never a float). */
  | { type: 'amount' }
  /** A day of the year as MM-DD. */
  | { type: 'monthDay' }
  /** Free words: a name (one line) or, `long`, guidance of a few sentences. */
  | { type: 'text'; max: number; long?: boolean };

export interface PolicyColumn {
  key: string;
  value: ValueKind;
}

export interface PolicyField {
  /** The knob's place in the body, dotted: 'overdue.graceDays'. */
  path: string;
  value: ValueKind | { type: 'rows'; columns: readonly PolicyColumn[]; min: number; max?: number };
}

/** Fields shown together under one heading (`policies.s.<kind>.<key>`). */
export interface PolicySection {
  key: string;
  fields: readonly PolicyField[];
}

const pct = (max = 100): ValueKind => ({ type: 'number', min: 0, max, unit: 'percent' });
const count = (min: number, max?: number): ValueKind => ({ type: 'number', min, max, integer: true, unit: 'count' });
const level: ValueKind = { type: 'select', options: WARNING_LEVELS };
const month: ValueKind = { type: 'number', min: 1, max: 12, integer: true, unit: 'month' };
const points = (max?: number): ValueKind => ({ type: 'number', min: 0, max, unit: 'points' });
const band = (name: string): PolicyField[] =>
  ['min', 'max', 'points'].map((key) => ({ path: `qualitative.${name}.${key}`, value: pct() }));

const REVIEW: readonly PolicySection[] = [
  {
    key: 'completeness',
    fields: [
      { path: 'minIndicators', value: count(0, 50) },
      { path: 'requireSatisfaction', value: { type: 'select', options: ['always', 'when-serving-people', 'never'] } },
      { path: 'servingPeopleWords', value: { type: 'words' } },
      { path: 'requireMeasurementMethod', value: { type: 'switch' } },
      { path: 'allowedBases', value: { type: 'words' } },
    ],
  },
  {
    key: 'wording',
    fields: [
      { path: 'vagueWords', value: { type: 'words' } },
      { path: 'relevanceMinSharedWords', value: count(1, 10) },
      { path: 'relevanceStopWords', value: { type: 'words' } },
    ],
  },
  {
    key: 'money',
    fields: [
      { path: 'spendingPlanTolerance', value: { type: 'number', min: 0, max: 100, step: 0.5, unit: 'pp' } },
      { path: 'unitCostFactor', value: { type: 'number', min: 1, max: 1000, step: 0.5, unit: 'times' } },
      { path: 'unitCostMinPeers', value: count(1, 100) },
    ],
  },
  {
    key: 'grade',
    fields: [
      { path: 'gradePoorErrors', value: count(1) },
      { path: 'gradePoorProjectShare', value: { type: 'number', min: 0, max: 1, step: 0.05, unit: 'share' } },
      { path: 'gradeExcellentMaxWarnings', value: count(0) },
      { path: 'disabledRules', value: { type: 'rules' } },
    ],
  },
  { key: 'chain', fields: [{ path: 'unionBureauApproval', value: { type: 'switch' } }] },
];

const MONITORING: readonly PolicySection[] = [
  {
    key: 'rounds',
    fields: [
      {
        path: 'checkpoints',
        value: {
          type: 'rows',
          min: 1,
          max: 12,
          columns: [
            { key: 'month', value: month },
            { key: 'dueDate', value: { type: 'monthDay' } },
          ],
        },
      },
    ],
  },
  {
    key: 'spending',
    fields: [
      {
        path: 'behindPlan',
        value: {
          type: 'rows',
          min: 0,
          columns: [
            { key: 'points', value: { type: 'number', min: 0, max: 100, unit: 'pp' } },
            { key: 'level', value: level },
          ],
        },
      },
      {
        path: 'largeAndSlow',
        value: {
          type: 'rows',
          min: 0,
          columns: [
            { key: 'minBudget', value: { type: 'amount' } },
            { key: 'month', value: month },
            { key: 'maxRate', value: pct() },
            { key: 'level', value: level },
          ],
        },
      },
    ],
  },
  {
    key: 'indicators',
    fields: [
      { path: 'forecastMiss.possible', value: level },
      { path: 'forecastMiss.impossible', value: level },
      { path: 'forecastMiss.forecastBelowTarget', value: level },
      { path: 'overdue.graceDays', value: { type: 'number', min: 0, max: 120, integer: true, unit: 'days' } },
      { path: 'overdue.level', value: level },
    ],
  },
];

const SCORING: readonly PolicySection[] = [
  {
    key: 'weights',
    fields: [
      { path: 'executionPoints', value: points(100) },
      { path: 'categoryPoints.output', value: points() },
      { path: 'categoryPoints.benefit', value: points() },
      { path: 'categoryPoints.satisfaction', value: points() },
      { path: 'costAsOwnCategory', value: { type: 'switch' } },
      { path: 'categoryPoints.cost', value: points() },
    ],
  },
  {
    key: 'grades',
    fields: [
      { path: 'grades.excellent', value: points() },
      { path: 'grades.good', value: points() },
      { path: 'grades.fair', value: points() },
    ],
  },
  { key: 'qualitative', fields: [...band('achieved'), ...band('partly'), ...band('notAchieved')] },
  {
    key: 'deviation',
    fields: [
      { path: 'executionReasonBelowPercent', value: pct() },
      { path: 'overAchievementReasonPercent', value: pct(1000) },
      { path: 'equalsExceedIsMet', value: { type: 'switch' } },
      { path: 'overAchievementPenalty.enabled', value: { type: 'switch' } },
      { path: 'overAchievementPenalty.thresholdPercent', value: { type: 'number', min: 0, unit: 'percent' } },
    ],
  },
];

const DEPARTMENT_EVALUATION: readonly PolicySection[] = [
  {
    key: 'management',
    fields: [
      {
        path: 'managementItems',
        value: {
          type: 'rows',
          min: 0,
          max: 20,
          columns: [
            { key: 'key', value: { type: 'text', max: 64 } },
            { key: 'name', value: { type: 'text', max: 100 } },
            { key: 'points', value: points(100) },
            { key: 'guidance', value: { type: 'text', max: 4000, long: true } },
          ],
        },
      },
    ],
  },
];

export const POLICY_SECTIONS: Record<PolicyKind, readonly PolicySection[]> = {
  review: REVIEW,
  monitoring: MONITORING,
  scoring: SCORING,
  'department-evaluation': DEPARTMENT_EVALUATION,
};

/** Every field of a kind, in the order the form shows them. */
export function policyFields(kind: PolicyKind): PolicyField[] {
  return POLICY_SECTIONS[kind].flatMap((section) => section.fields);
}

/**
 * Every described key path, a row's columns as `list[].column` (what the coverage test compares
 * with the schema's own keys).
 */
export function describedPaths(kind: PolicyKind): string[] {
  return policyFields(kind).flatMap((field) =>
    field.value.type === 'rows' ? field.value.columns.map((c) => `${field.path}[].${c.key}`) : [field.path],
  );
}
