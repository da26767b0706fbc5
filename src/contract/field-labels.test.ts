import { describe, expect, it } from 'vitest';
import { allFieldNames, fieldLabel } from './field-labels.ts';

describe('field labels: one table, both languages (decision 043)', () => {
  it('gives every name its English form, with no Chinese in it', () => {
    for (const [zh, en] of allFieldNames()) {
      expect(zh.trim(), en).not.toBe('');
      expect(en.trim(), `${zh} lacks its English form`).not.toBe('');
      expect(en, `${zh} → ${en}`).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it.each([
    [['name'], 'projects', 'Project name'],
    [['indicators', 1, 'target', 'raw'], 'projects', 'Indicator 2 — Target value'],
    [['projects', 0, 'indicators', 3, 'actual'], undefined, 'Project 1 › Indicator 4 — Actual value'],
    [['projects', 0, 'categoryPoints', 'cost'], undefined, 'Project 1 — Cost indicator points'],
    [['overall', 'goals', 0, 'title'], undefined, 'Overall department targets › Goal 1 — Goal'],
    [['spendingPlan', 2, 'month'], 'projects', 'Spending plan checkpoint 3 — Month'],
    [['indicators', 1], 'projects', 'Indicator 2'],
    [['projects', 1, 'mystery'], undefined, 'Project 2 — a field'],
    [['mystery'], undefined, 'A field'],
    [[], undefined, 'The submitted content'],
  ] as const)('%j (root %s) → %s', (path, root, expected) => {
    expect(fieldLabel(path, root, 'en')).toBe(expected);
  });

  it('keeps the Chinese words as before when no language is named', () => {
    expect(fieldLabel(['indicators', 1, 'target', 'raw'], 'projects')).toBe('第 2 个指标的“指标值”');
    expect(fieldLabel(['indicators', 1, 'target', 'raw'], 'projects', 'zh')).toBe('第 2 个指标的“指标值”');
  });
});
