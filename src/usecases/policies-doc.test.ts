import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KINDS } from '../contract/policies.ts';
import { policyDefaults } from '../contract/policy-bodies.ts';
import { unknownKeyPaths, validatePolicyBody } from '../contract/policy-bodies.ts';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/policies.md'), 'utf8');

/** Every key path of a defaults object (array items through their first element, as `key[].field`). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? keyPaths(value[0], `${prefix}[]`) : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...keyPaths(child, path)];
  });
}

describe('docs/policies.md', () => {
  it.each(POLICY_KINDS)('documents every %s key with its section', (kind) => {
    const section = doc.split(/^## /m).find((part) => part.startsWith(`${kind} `)) ?? '';
    const undocumented = keyPaths(policyDefaults(kind)).filter((path) => {
      const qualitativeBand = /^qualitative\.\w+\.(min|max|points)$/.test(path);
      return !section.includes(qualitativeBand ? '`qualitative.*.min`' : `\`${path}\``);
    });
    expect(undocumented).toEqual([]);
  });
});

describe('policy bodies', () => {
  it('finds unknown keys at any depth, including inside arrays', () => {
    const input = { a: 1, b: { c: 2, typo: 3 }, list: [{ x: 1, y: 2 }] };
    const parsed = { a: 1, b: { c: 2, d: 4 }, list: [{ x: 1 }], e: 5 };
    expect(unknownKeyPaths(input, parsed)).toEqual([
      ['b', 'typo'],
      ['list', 0, 'y'],
    ]);
  });

  it('accepts a partial nested body and refuses a misspelt nested knob with its path', () => {
    expect(validatePolicyBody('scoring', { grades: { excellent: 95 } })).toEqual({ grades: { excellent: 95 } });
    expect(() =>
      validatePolicyBody('monitoring', {
        largeAndSlow: [{ minBudget: '1000000', month: 9, maxRate: 50, level: '警示', extra: 1 }],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['largeAndSlow', 0, 'extra'] })],
      }),
    );
  });
});
