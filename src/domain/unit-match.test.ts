import { describe, expect, it } from 'vitest';
import { foldName, matchStatedProject, matchUnitName } from './unit-match.ts';

const UNITS = [
  { code: '711002', name: '秦皇岛市山海关区总工会' },
  { code: '711003', name: '秦皇岛市山海关区财政局' },
  { code: '820001', name: '某县农业农村局' },
  { code: '820002', name: '某县农业农村局机关服务中心' },
  { code: '820003', name: '某县教育局' },
  { code: '900001', name: 'ＡＢＣ实验学校（东校区）' },
];

describe('matchUnitName', () => {
  it('matches exactly after folding full-width forms and spaces', () => {
    expect(matchUnitName(' 某县 农业农村局 ', UNITS).exact?.code).toBe('820001');
    expect(matchUnitName('ABC实验学校(东校区)', UNITS).exact?.code).toBe('900001');
    expect(foldName('ＡＢＣ （东）')).toBe('ABC(东)');
  });

  it('offers close matches, best first, when no name is the same', () => {
    const match = matchUnitName('山海关区总工会', UNITS);
    expect(match.exact).toBeNull();
    expect(match.close[0]?.code).toBe('711002');
    expect(match.close[0]?.similarity).toBeLessThan(1);
    expect(match.close.map((unit) => unit.code)).toContain('711003');
    // The exact unit is not offered again among the close ones.
    expect(matchUnitName('某县农业农村局', UNITS).close.map((unit) => unit.code)).not.toContain('820001');
  });

  it('ranks a one-character slip above a unit that merely shares a prefix', () => {
    const match = matchUnitName('某县农业农村厅', UNITS);
    expect(match.close[0]?.code).toBe('820001');
  });

  it('offers nothing for an unrelated name, at most `limit` names, and no exact match for two units of one name', () => {
    expect(matchUnitName('省气象台', UNITS).close).toEqual([]);
    expect(matchUnitName('某县', UNITS, 2).close).toHaveLength(2);
    const twins = [...UNITS, { code: '820009', name: '某县教育局' }];
    const match = matchUnitName('某县教育局', twins);
    expect(match.exact).toBeNull();
    expect(match.ambiguous.map((unit) => unit.code)).toEqual(['820003', '820009']);
  });
});

describe('matchStatedProject', () => {
  const stored = [
    { code: '711-0701-JBN-PGN6', name: '困难职工帮扶资金' },
    { code: '711-0701-JBN-AAAA', name: '劳模 体检' },
    { code: 'X-1', name: '同名项目' },
    { code: 'X-2', name: '同名项目' },
  ];

  it('matches by code, and by folded name only for a code derived from the name', () => {
    expect(matchStatedProject({ code: '711-0701-JBN-PGN6', name: '别的名称' }, stored)?.code).toBe('711-0701-JBN-PGN6');
    expect(matchStatedProject({ code: 'N-0000000001', name: '劳模体检', derivedCode: true }, stored)?.code).toBe(
      '711-0701-JBN-AAAA',
    );
    // A stated (not derived) code that is not stored is another project, whatever its name.
    expect(matchStatedProject({ code: 'P-9', name: '劳模体检' }, stored)).toBeNull();
  });

  it('does not guess between two stored projects of the same name', () => {
    expect(matchStatedProject({ code: 'N-0000000002', name: '同名项目', derivedCode: true }, stored)).toBeNull();
  });
});
