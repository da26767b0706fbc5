import { describe, expect, it } from 'vitest';
import { cellKey, groupFindings, highlightsByProject, spanHighlighted } from './cell-key.ts';

describe('review cell keys', () => {
  it('joins a path', () => expect(cellKey(['indicators', 1, 'target'])).toBe('indicators.1.target'));
  it('collects highlight keys per project, department under null', () => {
    const map = highlightsByProject([
      { project: 'A', path: ['indicators', 0, 'target'] },
      { project: 'A', path: ['goals', 0] },
      { project: null, path: ['overall', 'measures', 2, 'items', 4, 'label'] },
    ]);
    expect([...map.get('A')!]).toEqual(['indicators.0.target', 'goals.0']);
    expect([...map.get(null)!]).toEqual(['overall.measures.2.items.4.label']);
  });
  it('groups in first-seen order', () => {
    expect(
      groupFindings([
        { project: 'B', n: 1 },
        { project: null, n: 2 },
        { project: 'B', n: 3 },
      ]).map((g) => [g.project, g.findings.length]),
    ).toEqual([
      ['B', 2],
      [null, 1],
    ]);
  });
  it('highlights a merged cell when any row it spans is flagged', () => {
    const keys = new Set(['indicators.2.level1']);
    expect(spanHighlighted(keys, 'level1', 1, 2)).toBe(true);
    expect(spanHighlighted(keys, 'level1', 0, 2)).toBe(false);
    expect(spanHighlighted(undefined, 'level1', 0, 5)).toBe(false);
  });
});
