import { describe, expect, it } from 'vitest';
import { TargetsDocumentSchema } from '../../contract/targets.ts';
import { fixtureJson, fixtureText } from '../../../test/seed-text.ts';
import { readSeedText } from './read-seed-text.ts';

const SEED = 'shanhaiguan-2020.txt';
const seedText = (): string => fixtureText(`../../examples/${SEED}`);

describe('readSeedText: the seed', () => {
  it('reads the seed into exactly the hand-checked exchange JSON', () => {
    const { document } = readSeedText(seedText(), { fileName: SEED });
    expect(document).toStrictEqual(fixtureJson('shanhaiguan-2020.expected.json'));
  });

  it('produces a document the exchange-format schema accepts', () => {
    expect(TargetsDocumentSchema.safeParse(readSeedText(seedText()).document).success).toBe(true);
  });

  it('leaves fiscalYear out (the seed does not state it) unless the caller gives it', () => {
    expect('fiscalYear' in readSeedText(seedText()).document).toBe(false);
    expect(readSeedText(seedText(), { fiscalYear: 2020 }).document.fiscalYear).toBe(2020);
  });

  it('notes every stripped field code and the target without a number, by line', () => {
    const { notes } = readSeedText(seedText());
    expect(notes.map((n) => [n.line, n.code])).toEqual([
      [3, 'field-code-stripped'],
      [54, 'field-code-stripped'],
      [105, 'field-code-stripped'],
      [160, 'field-code-stripped'],
      [225, 'field-code-stripped'],
      [272, 'target-missing-number'],
      [290, 'field-code-stripped'],
      [355, 'field-code-stripped'],
    ]);
    expect(notes[0]!.message).toBe('已去除 Word 目录域代码“TC 总体绩效目标 \\f A \\l 1”');
    expect(notes[5]!.message).toBe('指标“补助个人数量”的指标值“个”只有单位，缺少数值');
  });

  it('reads the seed the same with CRLF line endings and a BOM, with the same line numbers', () => {
    const crlf = `\uFEFF${seedText().replace(/\n/g, '\r\n')}`;
    const result = readSeedText(crlf);
    expect(result.document).toStrictEqual(fixtureJson('shanhaiguan-2020.expected.json'));
    expect(result.notes).toEqual(readSeedText(seedText()).notes);
  });

  it('reads the seed the same with indentation before every line and whitespace after it', () => {
    const padded = seedText()
      .split('\n')
      .map((line) => `  ${line}  \u3000`)
      .join('\n');
    expect(readSeedText(padded).document).toStrictEqual(fixtureJson('shanhaiguan-2020.expected.json'));
  });

  it('reads the seed the same without its field codes, and then notes none', () => {
    const clean = seedText().replace(/ TC .*\\l 1 $/gm, '');
    const result = readSeedText(clean);
    expect(result.document).toStrictEqual(fixtureJson('shanhaiguan-2020.expected.json'));
    expect(result.notes.map((n) => n.code)).toEqual(['target-missing-number']);
  });
});

describe('readSeedText: hand-written documents of other units', () => {
  it('reads 抚宁区教育局 (3 projects, 其他资金, thousands separators, ranges, merged 一级 cells, several goal lines)', () => {
    const { document, notes } = readSeedText(fixtureText('funing-education-2021.txt'));
    expect(document).toStrictEqual(fixtureJson('funing-education-2021.expected.json'));
    expect(notes.filter((n) => n.code === 'merged-cell-filled').map((n) => n.line)).toEqual([173, 180, 194]);
    expect(notes.find((n) => n.line === 173)?.message).toBe('一级指标为空（合并单元格），已沿用上一行的“产出指标”');
  });

  it('reads 山海关区卫生健康局 (CRLF, BOM, quoted field codes, cover year, indentation, trailing spaces)', () => {
    const text = fixtureText('shanhaiguan-health-2021.crlf.txt');
    // Guard: the fixture is only worth something while its bytes stay CRLF with a BOM.
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\n').every((line, i, all) => line.endsWith('\r') || i === all.length - 1)).toBe(true);
    const { document, notes } = readSeedText(text, { fileName: 'health.txt' });
    expect(document).toStrictEqual(fixtureJson('shanhaiguan-health-2021.expected.json'));
    expect(notes.filter((n) => n.code === 'field-code-stripped').map((n) => n.line)).toEqual([5, 12, 18, 29, 115]);
    expect(notes.filter((n) => n.code === 'target-unparsed')).toEqual([
      {
        line: 173,
        code: 'target-unparsed',
        message: '指标“设备投入使用时间”的指标值“2021年10月底前”含有数字但无法识别运算符与单位，已按定性值保留原文',
      },
    ]);
  });

  it('takes the fiscal year from a cover line, and refuses a different one from the caller', () => {
    const text = fixtureText('shanhaiguan-health-2021.crlf.txt');
    expect(readSeedText(text, { fiscalYear: 2021 }).document.fiscalYear).toBe(2021);
    expect(() => readSeedText(text, { fiscalYear: 2020, fileName: 'health.txt' })).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        message: '第 1 行：文件写明的年度 2021 与指定的年度 2020 不一致',
        location: { file: 'health.txt', line: 1, field: 'fiscalYear' },
      }),
    );
  });

  it('every fixture document satisfies the exchange-format schema', () => {
    for (const name of ['funing-education-2021.txt', 'shanhaiguan-health-2021.crlf.txt']) {
      expect(TargetsDocumentSchema.safeParse(readSeedText(fixtureText(name)).document).success).toBe(true);
    }
  });
});
