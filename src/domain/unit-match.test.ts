import { describe, expect, it } from 'vitest';
import { foldUnitName, matchUnitName } from './unit-match.ts';

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
    expect(foldUnitName('ＡＢＣ （东）')).toBe('ABC(东)');
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
