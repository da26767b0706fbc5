import { describe, expect, it } from 'vitest';
import { cleanImportedText } from '../usecases/clean-imported-text.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { amountInput, amountYuan, safeName, safeText } from './text.ts';

function messageOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return result.success ? '' : result.error!.issues[0]!.message;
}

describe('safeName', () => {
  const name = safeName();
  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['a C0 control', 'a\u0007b', 'U+0007'],
    ['a C1 control', 'a\u0085b', 'U+0085'],
    ['a line feed', 'a\nb', 'U+000A'],
    ['a bidi override', '总工会\u202Eevil', 'U+202E'],
    ['a bidi isolate', 'a\u2066b', 'U+2066'],
    ['a zero-width space', '培训\u200B人数', 'U+200B'],
    ['a word joiner', 'a\u2060b', 'U+2060'],
    ['a byte-order mark', 'a\uFEFFb', 'U+FEFF'],
  ])('refuses %s and says which character, where', (_what, text, code) => {
    const result = name.safeParse(text);
    expect(result.success).toBe(false);
    expect(messageOf(result)).toContain(code);
    expect(messageOf(result)).toMatch(/第 \d+ 个字符/);
  });

  it('takes 200 characters (trimmed), refuses 201', () => {
    expect(name.safeParse(` ${'项'.repeat(200)} `).success).toBe(true);
    expect(messageOf(name.safeParse('项'.repeat(201)))).toContain('200');
  });

  it('takes ordinary Chinese names with full-width punctuation and spaces', () => {
    expect(name.parse(' 秦皇岛市山海关区总工会（本级）　2020年 ')).toBe('秦皇岛市山海关区总工会（本级）　2020年');
  });
});

describe('safeText', () => {
  it('keeps tab, line feed and carriage return; refuses NUL and other controls', () => {
    expect(safeText().parse('第一行\r\n\t第二行')).toBe('第一行\r\n\t第二行');
    expect(messageOf(safeText().safeParse('a\u0000'))).toContain('U+0000');
    expect(messageOf(safeText().safeParse('a\u001Bb'))).toContain('U+001B');
    expect(safeText(5).safeParse('123456').success).toBe(false);
  });
});

describe('amounts', () => {
  it('exchange format: 0 … 10¹³ 元 with two decimals, never negative', () => {
    for (const ok of ['0.00', '20000.00', '10000000000000.00'])
      expect(amountYuan().safeParse(ok).success, ok).toBe(true);
    for (const bad of ['-1.00', '10000000000000.01', '10000000000001.00', '100000000000000.00', '1.5', '']) {
      expect(amountYuan().safeParse(bad).success, bad).toBe(false);
    }
  });

  it('typed input: thousands separators and one decimal allowed, same range', () => {
    for (const ok of ['20,000', '0.5', '10000000000000']) expect(amountInput().safeParse(ok).success, ok).toBe(true);
    expect(messageOf(amountInput().safeParse('-1'))).toContain('不小于 0');
    expect(messageOf(amountInput().safeParse('10000000000001'))).toContain('过大');
  });
});

describe('cleanImportedText (Word, Excel and text imports)', () => {
  const indicator = {
    level1: '产出指标',
    level2: '数量\u200B指标',
    name: '培训\n人数',
    description: '说明\u000B第二行',
    target: { raw: '≥100人', op: null, value: null, unit: null },
    basis: '',
    category: null,
  };
  const document = {
    format: 'jixiao/targets@1',
    unit: { code: '711002', name: '\uFEFF总工会\u202C' },
    overall: { goals: [], measures: [] },
    projects: [
      {
        code: 'P1',
        name: '项目',
        budget: { total: null, fiscal: null, other: null },
        purpose: '第一行\n第二行',
        spendingPlan: [],
        goals: [],
        indicators: [indicator],
      },
    ],
  } as unknown as TargetsDocument;

  it('removes invisible characters, turns controls and line breaks in names into spaces, and notes each field', () => {
    const { document: cleaned, notes } = cleanImportedText(document);
    expect(cleaned.unit.name).toBe('总工会');
    expect(cleaned.projects[0]!.indicators[0]!.level2).toBe('数量指标');
    expect(cleaned.projects[0]!.indicators[0]!.name).toBe('培训 人数');
    expect(cleaned.projects[0]!.indicators[0]!.description).toBe('说明 第二行');
    expect(cleaned.projects[0]!.purpose).toBe('第一行\n第二行');
    expect(notes.map((n) => n.message.split('：')[0])).toEqual([
      'unit.name',
      'projects.0.indicators.0.level2',
      'projects.0.indicators.0.name',
      'projects.0.indicators.0.description',
    ]);
    expect(notes[0]!.message).toContain('U+FEFF');
  });

  it('changes nothing and notes nothing in clean text', () => {
    const { document: cleaned, notes } = cleanImportedText(cleanImportedText(document).document);
    expect(notes).toEqual([]);
    expect(cleaned).toEqual(cleanImportedText(document).document);
  });
});
