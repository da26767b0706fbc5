import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/client.ts';
import { errorMessage } from '../http/error-message.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';
import { conflictDetails, conflictText, isStaleWrite } from './conflict.ts';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const details = {
  changedBy: { username: 'zhangsan', displayName: '张三' },
  changedAt: '2026-12-07T10:32:09.000Z',
  currentVersion: 4,
};
const stale = (facts: ConstructorParameters<typeof ApiError>[4]) =>
  new ApiError(409, 'CONFLICT', '项目已被修改', [], facts);

describe('the stale-write notice (TZ=UTC)', () => {
  it("names who changed the record and when, from the 409's details", () => {
    const error = stale({ details, location: { field: 'If-Match' } });
    expect(isStaleWrite(error)).toBe(true);
    expect(conflictDetails(error)).toEqual(details);
    expect(conflictText(error, zh, 'unsaved')).toBe('此记录已被 张三 于 2026-12-07 10:32 修改。您的修改尚未保存。');
    expect(conflictText(error, en, 'unsaved')).toBe(
      '张三 changed this record at 2026-12-07 10:32. Your changes have not been saved.',
    );
    expect(errorMessage(error, zh)).toBe('此记录已被 张三 于 2026-12-07 10:32 修改。请重新加载后再操作。');
  });

  it('says it generically when the server names no one (no details, or changedBy null)', () => {
    const withoutDetails = stale({ location: { field: 'version' } });
    expect(isStaleWrite(withoutDetails)).toBe(true);
    expect(conflictText(withoutDetails, zh, 'unsaved')).toBe('此记录已被他人修改。您的修改尚未保存。');
    const unnamed = stale({ details: { ...details, changedBy: null } });
    expect(conflictText(unnamed, zh, 'unsaved')).toBe('此记录已被他人修改。您的修改尚未保存。');
    expect(conflictText(stale({ details: { unexpected: true } }), zh, 'retry')).toBe(
      '此记录已被他人修改。请重新加载后再操作。',
    );
  });

  it("leaves other conflicts (a duplicate code, a closed warning) in the server's words", () => {
    const duplicate = new ApiError(409, 'CONFLICT', '不能改为编码 X：该年度已有此编码的项目', [], {
      location: { path: ['code'] },
    });
    expect(isStaleWrite(duplicate)).toBe(false);
    expect(errorMessage(duplicate, zh)).toBe('不能改为编码 X：该年度已有此编码的项目');
    expect(isStaleWrite(new ApiError(400, 'VALIDATION', 'x', [], { details }))).toBe(false);
    expect(isStaleWrite(new Error('409'))).toBe(false);
  });
});
