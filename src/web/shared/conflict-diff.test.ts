import { describe, expect, it } from 'vitest';
import { fieldDifferences } from './conflict-diff.ts';

describe('查看差异: unsaved values against the stored ones', () => {
  const stored = {
    name: '职工服务',
    budget: { total: '100000.00' },
    indicators: [
      { name: '服务人次', target: { raw: '≥1000人次', op: '>=', value: 1000 } },
      { name: '满意度', target: { raw: '≥90%', op: '>=', value: 90 } },
    ],
    layoutFields: { source: 'xlsx' },
  };

  it('lists each field that differs, named in words, with both values', () => {
    const mine = {
      name: '职工服务',
      budget: { total: '120000.00' },
      indicators: [
        { name: '服务人次', target: { raw: '≥1000人次' } },
        { name: '满意度', target: { raw: '≥95%' } },
      ],
    };
    expect(fieldDifferences(mine, stored, 'projects')).toEqual([
      { path: ['budget', 'total'], label: expect.stringContaining('预算'), mine: '120000.00', stored: '100000.00' },
      { path: ['indicators', 1, 'target'], label: '第 2 个指标的“指标值”', mine: '≥95%', stored: '≥90%' },
    ]);
  });

  it('names the fields in the UI language', () => {
    const mine = { ...stored, indicators: [stored.indicators[0], { name: '满意度', target: { raw: '≥95%' } }] };
    const [difference] = fieldDifferences(mine, stored, 'projects', 'en');
    expect(difference?.label).toBe('Indicator 2 — Target value');
  });

  it('shows an indicator someone else added, and ignores what the form never holds', () => {
    const mine = { name: '职工服务', budget: { total: '100000.00' }, indicators: [stored.indicators[0]] };
    const differences = fieldDifferences(mine, stored, 'projects');
    expect(differences.map((d) => [d.path.join('.'), d.mine, d.stored])).toEqual([
      ['indicators.1.name', '', '满意度'],
      ['indicators.1.target', '', '≥90%'],
    ]);
    expect(fieldDifferences(stored, structuredClone(stored))).toEqual([]);
  });
});
