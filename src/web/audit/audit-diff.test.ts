import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff.ts';

describe('changedFields', () => {
  it("compares a versioned project's own fields, listing only those that changed", () => {
    const before = { project: { code: 'P1', name: '旧名', budget: { total: '1.00' } }, version: 1 };
    const after = { project: { code: 'P1', name: '新名', budget: { total: '2.00' } }, version: 2 };
    expect(changedFields(before, after)).toEqual([
      { field: 'name', before: '旧名', after: '新名' },
      { field: 'budget', before: '{"total":"1.00"}', after: '{"total":"2.00"}' },
    ]);
  });

  it('shows a creation and a deletion as fields appearing and disappearing', () => {
    expect(changedFields(null, { disabled: true })).toEqual([{ field: '—', before: '', after: '{"disabled":true}' }]);
    expect(changedFields({ disabled: false }, { disabled: true })).toEqual([
      { field: 'disabled', before: 'false', after: 'true' },
    ]);
  });

  it('cuts long values', () => {
    expect(changedFields({ a: 'x'.repeat(10) }, { a: 'y' }, 4)).toEqual([{ field: 'a', before: 'xxxx…', after: 'y' }]);
  });
});
