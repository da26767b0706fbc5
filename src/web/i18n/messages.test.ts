import { describe, expect, it } from 'vitest';
import { DICTIONARIES, translate, type MessageKey } from './messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('gives every locale the same placeholders as Chinese, and no empty text', () => {
    const zh = DICTIONARIES['zh-CN'];
    for (const [key, text] of Object.entries(DICTIONARIES.en)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(zh[key as MessageKey]));
    }
  });
  it('holds no Chinese in English, except the words a user types as values', () => {
    // The self-evaluation hint shows what to type in a qualitative cell (达到 …): data, not the UI's words.
    const valuesToType = new Set<MessageKey>(['evaluation.actualHint']);
    const chinese = Object.entries(DICTIONARIES.en).filter(
      ([key, text]) => /\p{Script=Han}/u.test(text) && !valuesToType.has(key as MessageKey),
    );
    expect(chinese).toEqual([]);
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'table.caption', { n: 1, name: '困难职工帮扶资金' })).toBe(
      '1、困难职工帮扶资金绩效目标表',
    );
    expect(translate('zh-CN', 'units.year')).toBe('{year}年');
  });
  it('says the conflict message the way the product promises', () => {
    expect(
      translate('zh-CN', 'conflict.changedBy', { name: '张三', time: '2026-12-07 10:32' }) +
        translate('zh-CN', 'conflict.unsaved'),
    ).toBe('此记录已被 张三 于 2026-12-07 10:32 修改。您的修改尚未保存。');
    expect(translate('zh-CN', 'unsaved.title')).toBe('有未保存的修改，确定放弃吗？');
  });
});
