import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assertStep } from './procedure.ts';
import { selectSample } from './sample.ts';
import { scoreChanges } from './score-changes.ts';
import { ledgerSplit, splitProblem } from './spent-split.ts';
import { checkEvidence } from './evidence.ts';

const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
};

describe('自评 procedure (decision 035)', () => {
  it('locks a submitted or final 自评表 against saves and uploads', () => {
    expect(codeOf(() => assertStep('save', 'draft', 'unit'))).toBeNull();
    expect(codeOf(() => assertStep('save', 'none', 'unit'))).toBeNull();
    for (const status of ['submitted', 'reviewed', 'final'] as const) {
      expect(codeOf(() => assertStep('save', status, 'unit'))).toBe('LOCKED');
      expect(codeOf(() => assertStep('attach', status, 'unit'))).toBe('LOCKED');
    }
  });

  it('lets the department review, and only the bureau select, re-score, finalise and reopen', () => {
    expect(codeOf(() => assertStep('approve', 'submitted', 'department'))).toBeNull();
    expect(codeOf(() => assertStep('approve', 'submitted', 'unit'))).toBe('FORBIDDEN');
    expect(codeOf(() => assertStep('finalise', 'reviewed', 'department'))).toBe('FORBIDDEN');
    expect(codeOf(() => assertStep('finalise', 'submitted', 'bureau'))).toBe('CONFLICT');
    expect(codeOf(() => assertStep('rescore', 'reviewed', 'bureau', false))).toBe('CONFLICT');
    expect(codeOf(() => assertStep('rescore', 'reviewed', 'bureau', true))).toBeNull();
    expect(codeOf(() => assertStep('reopen', 'final', 'bureau'))).toBeNull();
    expect(codeOf(() => assertStep('reopen', 'draft', 'bureau'))).toBe('CONFLICT');
  });
});

describe('复核 sample', () => {
  const candidates = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((unitCode, i) => ({
    unitCode,
    meanScore: 70 + i * 3,
    projects: [{ grade: i === 1 ? '优' : '良', executionRate: i === 1 ? 60 : 95 }],
  }));

  it('draws a seeded random share, the same for the same seed, rounded up', () => {
    const first = selectSample(candidates, { method: 'random', share: 0.25, seed: 42 });
    expect(first).toHaveLength(3);
    expect(selectSample([...candidates].reverse(), { method: 'random', share: 0.25, seed: 42 })).toEqual(first);
    expect(selectSample(candidates, { method: 'random', share: 1, seed: 1 })).toHaveLength(10);
  });

  it('selects by rule: 优 with execution below 80 %, mean score ≥ 90', () => {
    expect(selectSample(candidates, { method: 'rule', rules: ['excellent-low-execution'] })).toEqual(['B']);
    expect(selectSample(candidates, { method: 'rule', rules: ['high-score'] })).toEqual(['H', 'I', 'J']);
    expect(selectSample(candidates, { method: 'rule', rules: ['high-score', 'excellent-low-execution'] })).toEqual([
      'B',
      'H',
      'I',
      'J',
    ]);
  });
});

describe('score changes for the audit log', () => {
  it('lists every changed score with before and after', () => {
    const before = [{ code: 'P', score: 90, execution: { points: 10 }, indicators: [{ name: 'a', points: 30 }] }];
    const after = [{ code: 'P', score: 85, execution: { points: 10 }, indicators: [{ name: 'a', points: 25 }] }];
    expect(scoreChanges(before, after)).toEqual([
      { project: 'P', item: 'a', before: 30, after: 25 },
      { project: 'P', item: '总分', before: 90, after: 85 },
    ]);
    expect(scoreChanges(before, before)).toEqual([]);
  });
});

describe('执行数 split', () => {
  it('defaults to the ledger by source and checks an entered split adds up', () => {
    expect(
      ledgerSplit([
        { source: 'fiscal', amount: '100.10' },
        { source: 'other', amount: '0.20' },
        { source: 'fiscal', amount: '1.00' },
      ]),
    ).toEqual({ fiscal: '101.10', other: '0.20', source: 'ledger' });
    expect(splitProblem('101.30', '101.10', '0.20')).toBeNull();
    expect(splitProblem('101.30', '101.10', '0.10')).toMatch(/之和应等于全年执行数 101.30/);
    expect(splitProblem('101.30', '101.10', null)).toMatch(/同时填写/);
  });
});

describe('证明材料 types', () => {
  it('reads the type from the bytes, not the name', () => {
    expect(checkEvidence(Buffer.from('%PDF-1.7 ...'), 'scan.jpg').mediaType).toBe('application/pdf');
    expect(checkEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]), 'photo').mediaType).toBe('image/jpeg');
    expect(codeOf(() => checkEvidence(Buffer.from('MZ...'), 'a.pdf'))).toBe('VALIDATION');
    expect(codeOf(() => checkEvidence(Buffer.from('PK\x03\x04[Content_Types].xml word/'), 'a.xlsx'))).toBe(
      'VALIDATION',
    );
    expect(checkEvidence(Buffer.from('PK\x03\x04[Content_Types].xml word/document.xml'), 'a.docx').mediaType).toMatch(
      /wordprocessingml/,
    );
    expect(checkEvidence(Buffer.from('%PDF-'), '../../etc/x.pdf').fileName).not.toContain('/');
  });
});
