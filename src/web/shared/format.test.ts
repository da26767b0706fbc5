import { describe, expect, it } from 'vitest';
import type { Project } from '../../domain/targets.ts';
import { budgetTotals, formatPercent, formatYuan } from './format.ts';

describe('formatYuan', () => {
  it('groups thousands on the decimal string', () => {
    expect(formatYuan('20000.00')).toBe('20,000.00');
    expect(formatYuan('1234567.5')).toBe('1,234,567.50');
    expect(formatYuan('999.99')).toBe('999.99');
    expect(formatYuan('-1000.00')).toBe('-1,000.00');
  });
  it('keeps empty cells empty and odd text as it is', () => {
    expect(formatYuan(null)).toBe('');
    expect(formatYuan('')).toBe('');
    expect(formatYuan('待定')).toBe('待定');
  });
  it('never loses a cent to floating point', () => {
    expect(formatYuan('999999999999999.99')).toBe('999,999,999,999,999.99');
  });
});

describe('budgetTotals', () => {
  const project = (total: string | null, fiscal: string | null, other: string | null) =>
    ({ budget: { total, fiscal, other } }) as Project;
  it('sums exactly in 分 (0.1 + 0.2 is 0.30)', () => {
    expect(budgetTotals([project('0.10', '0.10', null), project('0.20', null, '0.20')])).toEqual({
      total: '0.30',
      fiscal: '0.10',
      other: '0.20',
    });
  });
  it('gives the seed department 102,000.00 元', () => {
    const seed = ['20000.00', '14400.00', '37800.00', '29800.00'].map((a) => project(a, a, null));
    expect(budgetTotals(seed)).toEqual({ total: '102000.00', fiscal: '102000.00', other: '0.00' });
  });
});

describe('formatPercent', () => {
  it('prints shares as the official tables do', () => {
    expect(formatPercent(60)).toBe('60.00');
    expect(formatPercent(null)).toBe('');
  });
});
