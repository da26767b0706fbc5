import { describe, expect, it } from 'vitest';
import { checkPassword } from '../domain/password-policy.ts';
import { commonPasswordCount, isCommonPassword } from './password-hash.ts';

describe('the common-password list the policy is given', () => {
  it('holds at least 10,000 of the commonest passwords, asked in lower case', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('violin-lamp-tower-财政')).toBe(false);
  });

  it('makes the policy refuse the commonest passwords whatever their case', () => {
    expect(checkPassword('1234567890', 'x', isCommonPassword)).toMatch(/最常见/);
    expect(checkPassword('QwErTyUiOp', 'x', isCommonPassword)).toMatch(/最常见/);
    expect(checkPassword('Password123', 'x', isCommonPassword)).toMatch(/最常见/);
    expect(checkPassword('correct horse battery staple', 'x', isCommonPassword)).toBeNull();
  });
});
