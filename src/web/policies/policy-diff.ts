import type { PolicyKind } from '../../contract/policies.ts';
import { REVIEW_RULES } from '../../domain/review/index.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { type PolicyField, type ValueKind, policyFields } from './policy-fields.ts';

/** One knob whose value a save (or a reset) changes: the field and its values before and after. */
export interface PolicyChange {
  field: PolicyField;
  before: unknown;
  after: unknown;
}

/** The value at a dotted path of a body ('overdue.graceDays'), undefined when absent. */
export function valueAt(body: unknown, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The described knobs that differ between two whole policies of `kind`, in the form's order. */
export function policyChanges(kind: PolicyKind, before: unknown, after: unknown): PolicyChange[] {
  return policyFields(kind)
    .map((field) => ({ field, before: valueAt(before, field.path), after: valueAt(after, field.path) }))
    .filter((change) => !same(change.before, change.after));
}

/**
 * What to store: the top-level knobs whose value differs from the default, each whole. A knob left
 * at its default is not stored, so it follows a future change of the defaults.
 */
export function bodyToSave(
  values: Record<string, unknown>,
  defaults: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => !same(value, defaults[key])));
}

/** A knob's label (`f`) or explanation (`h`); the keys are checked by the table's unit test. */
export function fieldText(t: Translate, kind: PolicyKind, path: string, part: 'f' | 'h'): string {
  return t(`policies.${part}.${kind}.${path}` as MessageKey);
}

const RULE_TITLES = new Map(REVIEW_RULES.map((rule) => [rule.id, rule.title]));

/** A review rule's title (what the bureau reads), its id only when the catalogue no longer has it. */
function ruleTitle(id: string): string {
  return RULE_TITLES.get(id) ?? id;
}

/** A value as a person reads it in the diff: 95%, 开, 提示, 补助、慰问, 7月（08-31 前）. */
export function formatPolicyValue(t: Translate, kind: PolicyKind, field: PolicyField, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (field.value.type !== 'rows') return formatPlain(t, field.value, value);
  if (!Array.isArray(value) || value.length === 0) return t('policies.none');
  const columns = field.value.columns;
  return value
    .map((row: unknown) =>
      columns
        .map(
          (c) =>
            `${t(`policies.f.${kind}.${field.path}.${c.key}` as MessageKey)} ${formatPlain(t, c.value, valueAt(row, c.key))}`,
        )
        .join('，'),
    )
    .join('；');
}

function formatPlain(t: Translate, kind: ValueKind, value: unknown): string {
  switch (kind.type) {
    case 'number': {
      const unit = kind.unit ? t(`policies.u.${kind.unit}`) : '';
      return unit === '%' ? `${String(value)}%` : `${String(value)} ${unit}`.trim();
    }
    case 'switch':
      return t(value === true ? 'policies.on' : 'policies.off');
    case 'select':
      return t(`policies.o.${String(value)}` as MessageKey);
    case 'words':
      return Array.isArray(value) && value.length > 0 ? value.join('、') : t('policies.none');
    case 'rules':
      return Array.isArray(value) && value.length > 0
        ? value.map((id) => ruleTitle(String(id))).join('；')
        : t('policies.none');
    case 'amount':
      return `${String(value)} ${t('policies.u.yuan')}`;
    case 'monthDay':
    case 'text':
      return String(value);
  }
}

/**
 * The form field an issue's path points at (['behindPlan', 0, 'points'] → that input), or null when
 * it names no single input (a whole group: 分值合计 …), which the page shows above the form.
 */
export function issueTarget(kind: PolicyKind, path: readonly (string | number)[]): PolicyField | null {
  const dotted = path.filter((key) => typeof key === 'string').join('.');
  const fields = policyFields(kind);
  return (
    fields.find((field) => field.path === dotted) ??
    fields.find((field) => field.value.type === 'rows' && dotted.startsWith(`${field.path}.`)) ??
    null
  );
}
