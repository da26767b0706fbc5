import { describe, expect, it } from 'vitest';
import { matchLastYear } from './last-year.ts';
import { isOverdue, nextNoticeState } from './notice.ts';
import { type ScoredProject, problemsOf } from './problems.ts';

describe('整改通知 states', () => {
  it('the unit replies 整改中 then 已整改; the issuer closes (已销号)', () => {
    expect(nextNoticeState('待整改', { by: 'unit', to: '整改中', reply: '正在整改' })).toBe('整改中');
    expect(nextNoticeState('整改中', { by: 'unit', to: '已整改', reply: '已完成' })).toBe('已整改');
    expect(nextNoticeState('已整改', { by: 'issuer', to: '已销号' })).toBe('已销号');
  });
  it('the issuer reopens a 已整改 notice with a reason; the unit cannot undo it', () => {
    expect(nextNoticeState('已整改', { by: 'issuer', to: '待整改', reply: '证明材料不全' })).toBe('待整改');
    expect(() => nextNoticeState('已整改', { by: 'unit', to: '整改中', reply: 'x' })).toThrow(/重新打开/);
    expect(() => nextNoticeState('已整改', { by: 'issuer', to: '待整改', reply: ' ' })).toThrow(/理由/);
  });
  it('only a 已整改 notice closes, and a closed one is final', () => {
    expect(() => nextNoticeState('整改中', { by: 'issuer', to: '已销号' })).toThrow(/已整改/);
    expect(() => nextNoticeState('已销号', { by: 'issuer', to: '待整改', reply: 'again' })).toThrow(/已销号/);
    expect(() => nextNoticeState('已销号', { by: 'unit', to: '整改中', reply: 'x' })).toThrow(/已销号/);
  });
  it('is overdue only while open and past its deadline', () => {
    expect(isOverdue({ state: '待整改', deadline: '2026-12-01' }, '2026-12-07')).toBe(true);
    expect(isOverdue({ state: '整改中', deadline: '2026-12-07' }, '2026-12-07')).toBe(false);
    expect(isOverdue({ state: '已整改', deadline: '2026-12-01' }, '2026-12-07')).toBe(false);
  });
});

describe('last year beside this year', () => {
  const previous = [
    { code: 'A', name: '体检费', score: 95, grade: '优' as const, openNotices: 0 },
    { code: 'B-OLD', name: '职工 疗休养', score: 50, grade: '差' as const, openNotices: 2 },
    { code: 'C1', name: '慰问', score: 70, grade: '中' as const, openNotices: 0 },
    { code: 'C2', name: '慰问', score: 80, grade: '良' as const, openNotices: 0 },
  ];
  it('matches by code, else by the one project of the same folded name, never guessing between two', () => {
    const matches = matchLastYear(
      [
        { code: 'A', name: '体检费（新）' },
        { code: 'B-NEW', name: '职工疗休养' },
        { code: 'C-NEW', name: '慰问' },
      ],
      previous,
    );
    expect(matches.map((m) => [m.projectCode, m.code, m.matchedBy, m.grade])).toEqual([
      ['A', 'A', 'code', '优'],
      ['B-NEW', 'B-OLD', 'name', '差'],
    ]);
  });
  it('does not match by name a project another one keeps by code', () => {
    const matches = matchLastYear(
      [
        { code: 'A', name: '体检费' },
        { code: 'A2', name: '体检费' },
      ],
      previous,
    );
    expect(matches.map((m) => m.projectCode)).toEqual(['A']);
  });
});

describe('problems of a 自评', () => {
  const project = (overrides: Partial<ScoredProject['score']> = {}): ScoredProject => ({
    code: 'P',
    name: '体检费',
    executionReason: '采购延期',
    indicators: [
      { name: '体检人数', deviationReason: '部分职工外出', recheck: null },
      { name: '满意度', deviationReason: '', recheck: { unitPoints: 10 } },
    ],
    score: {
      score: 58.123,
      grade: '差',
      scorable: true,
      execution: { rate: 80 },
      indicators: [
        { name: '体检人数', weight: 20, points: 15, met: false },
        { name: '满意度', weight: 10, points: 8, met: true },
      ],
      ...overrides,
    },
  });
  it('names the low grade, low execution, missed indicators with their reasons, 复核 changes and warnings', () => {
    expect(problemsOf([project()], 2)).toEqual([
      {
        kind: 'low-grade',
        projectCode: 'P',
        projectName: '体检费',
        grade: '差',
        indicator: null,
        value: '58.12',
        reason: '',
      },
      {
        kind: 'low-execution',
        projectCode: 'P',
        projectName: '体检费',
        grade: null,
        indicator: null,
        value: '80%',
        reason: '采购延期',
      },
      {
        kind: 'missed-indicator',
        projectCode: 'P',
        projectName: '体检费',
        grade: null,
        indicator: '体检人数',
        value: '15/20',
        reason: '部分职工外出',
      },
      {
        kind: 'recheck-change',
        projectCode: 'P',
        projectName: '体检费',
        grade: null,
        indicator: '满意度',
        value: '10 → 8',
        reason: '',
      },
      {
        kind: 'open-warnings',
        projectCode: null,
        projectName: null,
        grade: null,
        indicator: null,
        value: '2',
        reason: '',
      },
    ]);
  });
  it('a good project without warnings has no problems', () => {
    const good = project({ grade: '优', score: 95, execution: { rate: 98 }, indicators: [] });
    expect(problemsOf([{ ...good, indicators: [] }], 0)).toEqual([]);
  });
});
