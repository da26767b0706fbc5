import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, checkPassword as checkWith } from './password-policy.ts';

/** A stand-in for the breach list (src/db/password-hash.ts loads the real one; its test checks it). */
const COMMON = new Set(['1234567890', 'qwertyuiop', 'password123']);
const checkPassword = (password: string, username: string) =>
  checkWith(password, username, (lowerCased) => COMMON.has(lowerCased));

describe('checkPassword (NIST 800-63B, decision 019)', () => {
  it('accepts a long passphrase with no composition rule', () => {
    expect(checkPassword('correct horse battery staple', 'zhangsan')).toBeNull();
    expect(checkPassword('alllowercaseletters', 'zhangsan')).toBeNull();
  });

  it('counts code points, not UTF-16 units: ten Chinese characters are ten', () => {
    expect(checkPassword('财政绩效管理很重要啊', 'admin')).toBeNull();
    expect(checkPassword('财政绩效管理很重要', 'admin')).toMatch(/至少 10 个字符/);
    // nine astral characters are 18 UTF-16 units but only nine characters
    expect(checkPassword('😀'.repeat(9), 'admin')).toMatch(/至少 10/);
  });

  it('refuses passwords shorter than the minimum and longer than the maximum', () => {
    expect(checkPassword('a'.repeat(MIN_PASSWORD_LENGTH - 1) + '', 'x')).toMatch(/至少/);
    expect(checkPassword('kq'.repeat(MAX_PASSWORD_LENGTH / 2), 'x')).toBeNull();
    expect(checkPassword('kq'.repeat(MAX_PASSWORD_LENGTH / 2) + 'z', 'x')).toMatch(/至多 256/);
  });

  it('refuses a common password whatever its case: the list is asked in lower case', () => {
    expect(checkPassword('1234567890', 'x')).toMatch(/最常见/);
    expect(checkPassword('qwertyuiop', 'x')).toMatch(/最常见/);
    expect(checkPassword('QwErTyUiOp', 'x')).toMatch(/最常见/);
    expect(checkPassword('Password123', 'x')).toMatch(/最常见/);
    expect(checkPassword('Password1234', 'x')).toBeNull();
  });

  it('refuses a password containing the user name (case-insensitive) when the name has at least 3 characters', () => {
    expect(checkPassword('my-Zhangsan-2026!', 'zhangsan')).toBe('密码不能包含用户名');
    expect(checkPassword('my-ZHANGSAN-2026!', 'ZhangSan')).toBe('密码不能包含用户名');
    // a two-letter name is too likely to occur by chance
    expect(checkPassword('violin-lamp-tower', 'li')).toBeNull();
  });
});
