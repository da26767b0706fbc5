import { describe, expect, it } from 'vitest';
import { checkOrgCode, checkProjectCode, deriveProjectCode } from './codes.ts';
import { asciiFileName, safeFileName } from './file-names.ts';
import { mayManageNode, mayPlaceUnder, placementProblem } from './org-tree.ts';
import { HOSTILE_CODES } from '../../test/hostile-codes.ts';

describe('codes', () => {
  it('accepts the real unit and organisation codes', () => {
    for (const code of ['711002', '711', 'SHG-CZJ', '101001', '301-02', 'A'.repeat(40)])
      expect(checkOrgCode(code), code).toBeNull();
  });

  it('refuses hostile unit and organisation codes, saying why', () => {
    for (const code of HOSTILE_CODES) expect(checkOrgCode(code), JSON.stringify(code)).not.toBeNull();
    expect(checkOrgCode('A'.repeat(41))).toContain('最长 40');
    expect(checkOrgCode('ab\u202ecd')).toContain('\\u202e');
  });

  it('accepts real project codes and refuses hostile ones', () => {
    for (const code of ['711-0701-JBN-PGN6', 'P1', '2024_01', 'A.1', 'x'.repeat(64)])
      expect(checkProjectCode(code), code).toBeNull();
    for (const code of [...HOSTILE_CODES.filter((c) => c !== 'A'.repeat(41)), 'a..b', '.hidden', 'x'.repeat(65)]) {
      expect(checkProjectCode(code), JSON.stringify(code)).not.toBeNull();
    }
  });
});

describe('file names built from stored data', () => {
  it('never carry a separator, "..", a control, bidi or zero-width character, or a leading dot', () => {
    for (const text of [
      '../../etc/passwd',
      'a/b\\c',
      'x\u0000y\r\nz',
      'evil\u202etxt.exe',
      'a\u200bb',
      '..',
      '.env',
      'C:\\x',
      'a"b;c',
    ]) {
      const name = safeFileName(text);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(name, JSON.stringify(text)).not.toMatch(/[\\/\u0000-\u001f\u202a-\u202e\u200b-\u200f":]|\.\.|^\./u);
      expect(name.length).toBeGreaterThan(0);
    }
    expect(safeFileName('秦皇岛市山海关区总工会2020年绩效目标')).toBe('秦皇岛市山海关区总工会2020年绩效目标');
    expect(safeFileName('')).toBe('file');
  });

  it('the ASCII fallback is printable ASCII without quotes or semicolons', () => {
    expect(asciiFileName('711002-2020.docx')).toBe('711002-2020.docx');
    expect(asciiFileName('单位"; x=1.docx')).toMatch(/^[\x20-\x7e]+$/);
    expect(asciiFileName('单位"; x=1.docx')).not.toMatch(/[";]/);
  });
});

describe('organisation tree rules', () => {
  it('places a unit under a department or bureau, a department under a bureau, a bureau at the top', () => {
    expect(placementProblem('unit', 'department')).toBeNull();
    expect(placementProblem('unit', 'bureau')).toBeNull();
    expect(placementProblem('department', 'bureau')).toBeNull();
    expect(placementProblem('bureau', null)).toBeNull();
    expect(placementProblem('department', 'department')).toContain('只能放在财政局之下');
    expect(placementProblem('unit', 'unit')).not.toBeNull();
    expect(placementProblem('unit', null)).toContain('必须有上级');
    expect(placementProblem('bureau', 'bureau')).toContain('不能有上级');
  });

  it('lets an administrator manage anything and a bureau user only what is strictly below its bureau', () => {
    const bureau = { role: 'bureau', orgCode: 'SHG-CZJ' };
    expect(mayManageNode({ role: 'admin', orgCode: '' }, ['SHG-CZJ'])).toBe(true);
    expect(mayManageNode(bureau, ['711', 'SHG-CZJ'])).toBe(true);
    expect(mayManageNode(bureau, ['SHG-CZJ'])).toBe(false);
    expect(mayManageNode(bureau, ['800', 'QHD-CZJ'])).toBe(false);
    expect(mayManageNode({ role: 'department', orgCode: '711' }, ['711002', '711', 'SHG-CZJ'])).toBe(false);
    expect(mayPlaceUnder(bureau, ['SHG-CZJ'])).toBe(true);
    expect(mayPlaceUnder(bureau, [])).toBe(false);
    expect(mayPlaceUnder(bureau, ['800', 'QHD-CZJ'])).toBe(false);
  });
});

describe('deriveProjectCode', () => {
  it('gives the same valid key for the same name however it is spaced or full-width, and different keys otherwise', () => {
    const key = deriveProjectCode('职工 技能竞赛项目');
    expect(key).toMatch(/^N-[0-9A-Z]{10}$/);
    expect(checkProjectCode(key)).toBeNull();
    expect(deriveProjectCode('职工技能竞赛项目')).toBe(key);
    expect(deriveProjectCode('职工技能竞赛项目（２０２４）')).toBe(deriveProjectCode('职工技能竞赛项目(2024)'));
    expect(deriveProjectCode('职工技能竞赛项目二')).not.toBe(key);
  });
});
