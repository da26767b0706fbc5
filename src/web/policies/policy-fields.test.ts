import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POLICY_KINDS, type PolicyKind } from '../../contract/policies.ts';
import { POLICY_SCHEMAS, policyDefaults, validatePolicyBody } from '../../contract/policy-bodies.ts';
import { DICTIONARIES, translate } from '../i18n/messages.ts';
import { bodyToSave, formatPolicyValue, issueTarget, policyChanges } from './policy-diff.ts';
import { describedPaths, policyFields } from './policy-fields.ts';

/** The schema's own keys, a list of objects as `list[].key`: what the table must describe. */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
      schemaPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType);
    if (element instanceof z.ZodObject) return schemaPaths(element, `${prefix}[]`);
  }
  return [prefix];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.out as z.ZodType;
    else return current;
  }
}

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh-CN', key, params);

describe('the policy field table', () => {
  it.each(POLICY_KINDS)('describes every key of the %s schema, and nothing else', (kind: PolicyKind) => {
    const expected = schemaPaths(POLICY_SCHEMAS[kind]);
    expect(describedPaths(kind).sort()).toEqual(expected.sort());
  });

  it.each(POLICY_KINDS)('words every %s knob, its explanation and its columns in both locales', (kind) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const words = DICTIONARIES[locale] as Record<string, string>;
      for (const field of policyFields(kind)) {
        expect(words[`policies.f.${kind}.${field.path}`], `${locale} label ${field.path}`).toBeTruthy();
        expect(words[`policies.h.${kind}.${field.path}`], `${locale} help ${field.path}`).toBeTruthy();
        if (field.value.type === 'rows')
          for (const c of field.value.columns)
            expect(words[`policies.f.${kind}.${field.path}.${c.key}`], `${locale} ${c.key}`).toBeTruthy();
        if (field.value.type === 'select')
          for (const option of field.value.options) expect(words[`policies.o.${option}`]).toBeDefined();
      }
    }
  });

  it('explains the knobs without pointing at files', () => {
    const texts = Object.entries(DICTIONARIES['zh-CN']).filter(([key]) => key.startsWith('policies.'));
    for (const [key, text] of texts) expect(text, key).not.toMatch(/\.md\b|docs\/|src\/|README/);
  });
});

describe('the diff of two policy bodies', () => {
  it('lists the changed knobs in plain words, old → new', () => {
    const before = policyDefaults('monitoring');
    const after = {
      ...before,
      overdue: { graceDays: 5, level: '提示' },
      checkpoints: [{ month: 6, dueDate: '07-20' }],
    };
    const changes = policyChanges('monitoring', before, after);
    expect(changes.map((c) => c.field.path)).toEqual(['checkpoints', 'overdue.graceDays']);
    const [rounds, grace] = changes;
    expect(formatPolicyValue(t, 'monitoring', rounds!.field, rounds!.before)).toBe(
      '截至月份 7 月，报送截止日（月-日） 08-31',
    );
    expect(formatPolicyValue(t, 'monitoring', rounds!.field, rounds!.after)).toBe(
      '截至月份 6 月，报送截止日（月-日） 07-20',
    );
    expect(formatPolicyValue(t, 'monitoring', grace!.field, grace!.before)).toBe('0 天');
    expect(formatPolicyValue(t, 'monitoring', grace!.field, grace!.after)).toBe('5 天');
  });

  it('words percentages, switches and choices', () => {
    const before = policyDefaults('scoring');
    const after = { ...before, executionReasonBelowPercent: 85, equalsExceedIsMet: false };
    const lines = policyChanges('scoring', before, after).map(
      (c) =>
        `${c.field.path}: ${formatPolicyValue(t, 'scoring', c.field, c.before)} → ${formatPolicyValue(t, 'scoring', c.field, c.after)}`,
    );
    expect(lines).toEqual(['executionReasonBelowPercent: 90% → 85%', 'equalsExceedIsMet: 开 → 关']);
    const review = policyChanges('review', policyDefaults('review'), {
      ...policyDefaults('review'),
      requireSatisfaction: 'always',
    });
    expect(formatPolicyValue(t, 'review', review[0]!.field, review[0]!.after)).toBe('总是需要');
  });

  it("words a management item's change, its guidance as written", () => {
    const before = policyDefaults('department-evaluation');
    const items = structuredClone(before.managementItems) as { points: number; guidance: string }[];
    items[0] = { ...items[0]!, points: 8, guidance: '按时编报' };
    const [change] = policyChanges('department-evaluation', before, { managementItems: items });
    expect(change?.field.path).toBe('managementItems');
    expect(formatPolicyValue(t, 'department-evaluation', change!.field, change!.after)).toMatch(
      /^编码 budget-preparation，名称 预算编制，分值 8 分，评分说明 按时编报；/,
    );
  });

  it('refuses management items with a repeated code or more than 100 points', () => {
    const item = { key: 'a', name: '甲', points: 60, guidance: '' };
    expect(() => validatePolicyBody('department-evaluation', { managementItems: [item, item] })).toThrow(
      expect.objectContaining({
        issues: expect.arrayContaining([expect.objectContaining({ path: ['managementItems', 1, 'key'] })]),
      }),
    );
    expect(() =>
      validatePolicyBody('department-evaluation', { managementItems: [item, { ...item, key: 'b' }] }),
    ).toThrow(/100/);
  });

  it('stores only the knobs that differ from the defaults', () => {
    const defaults = policyDefaults('scoring');
    expect(bodyToSave({ ...defaults, executionReasonBelowPercent: 85 }, defaults)).toEqual({
      executionReasonBelowPercent: 85,
    });
    expect(bodyToSave(structuredClone(defaults), defaults)).toEqual({});
  });

  it('places an issue on its input, or above the form when it names a group', () => {
    expect(issueTarget('monitoring', ['behindPlan', 0, 'points'])?.path).toBe('behindPlan');
    expect(issueTarget('scoring', ['qualitative', 'partly', 'min'])?.path).toBe('qualitative.partly.min');
    expect(issueTarget('scoring', ['categoryPoints'])).toBeNull();
  });
});
