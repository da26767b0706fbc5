import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson } from '../../../test/seed-text.ts';
import { handTypedBody, packageDocx, para } from './hand-typed.fixture.ts';
import { readTargetsDocx } from './index.ts';

const seed = (): TargetsDocument => fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('readTargetsDocx: a document a person typed in Word', () => {
  it('reads the same document as the seed, with the year from the cover', async () => {
    const document = { ...seed(), fiscalYear: 2020 };
    const { document: read } = await readTargetsDocx(await packageDocx(handTypedBody(document)), {
      fileName: '手工.docx',
    });
    expect(read).toStrictEqual(document);
  });

  it('notes the stripped TC fields by paragraph and the empty 二级 cells it filled, by cell', async () => {
    const { notes } = await readTargetsDocx(await packageDocx(handTypedBody(seed())), { fileName: '手工.docx' });
    const tc = notes.filter((n) => n.code === 'field-code-stripped');
    expect(tc.map((n) => n.message)).toEqual([
      expect.stringMatching(/^第 \d+ 段：已去除 Word 目录域代码“TC "总体绩效目标" \\f C \\l "1"”$/),
      expect.stringMatching(/^第 \d+ 段：已去除 Word 目录域代码“TC "分项绩效目标"/),
      expect.stringMatching(/^第 \d+ 段：已去除 Word 目录域代码“TC "工作保障措施"/),
    ]);
    // Project 1 has 3 indicators under three different 一级: nothing merged. Count the 二级 gaps of all projects.
    const expectedGaps = seed().projects.flatMap((p) =>
      p.indicators.filter(
        (ind, i) => i > 0 && p.indicators[i - 1]!.level1 === ind.level1 && p.indicators[i - 1]!.level2 === ind.level2,
      ),
    );
    const filled = notes.filter((n) => n.code === 'merged-cell-filled');
    expect(filled).toHaveLength(expectedGaps.length);
    for (const note of filled) expect(note.place).toMatch(/^表 \d，第 \d+ 行，第 2 列$/);
  });

  it('skips the cached entries of a TOC field typed as a plain field (not a content control)', async () => {
    const toc =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第一部分 部门整体绩效目标</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>第二部分 预算项目绩效目标</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const { document, notes } = await readTargetsDocx(await packageDocx(toc + handTypedBody(seed())), {
      fileName: 'toc.docx',
    });
    expect(document.projects).toHaveLength(4);
    expect(notes.filter((n) => n.code === 'text-ignored')).toHaveLength(1); // only the cover title without a year
  });
});

describe('readTargetsDocx: files it must refuse, saying where', () => {
  it('names the table, row and column of an amount that is not one', async () => {
    const document = seed();
    const broken = {
      ...document,
      projects: [{ ...document.projects[0]!, budget: { total: '二万元', fiscal: '20000.00', other: null } }],
    };
    const error = await refusal(
      readTargetsDocx(await packageDocx(handTypedBody(broken as TargetsDocument)), { fileName: '坏.docx' }),
    );
    expect(error.code).toBe('BAD_INPUT');
    // Row 2 of table 1 (the unit paragraph is lifted into the table for reading, not counted as a row of it)
    expect(error.message).toBe('表 1，第 2 行，第 3 列：预算数应为金额（元，最多两位小数），实际为“二万元”');
    expect(error.location).toEqual({ file: '坏.docx', field: 'projects.0.budget.total' });
  });

  it('names the cell of an indicator row that lost a cell', async () => {
    // Drop the last cell (指标值确定依据) of the last row of table 1: its third indicator, table row 10.
    const body = handTypedBody(seed());
    const end = body.indexOf('</w:tbl>');
    const lastCell = body.lastIndexOf('<w:tc>', end);
    const broken = body.slice(0, lastCell) + body.slice(body.indexOf('</w:tc>', lastCell) + '</w:tc>'.length);
    const error = await refusal(readTargetsDocx(await packageDocx(broken), { fileName: 'x.docx' }));
    expect(error.message).toBe(
      '表 1，第 10 行，第 1 列：指标行应有 6 个单元格（一级指标、二级指标、三级指标、绩效指标描述、指标值、指标值确定依据），实际为 5 个',
    );
    expect(error.location?.field).toBe('projects.0.indicators.2');
  });

  it('names the paragraph of a repeated section heading', async () => {
    const body = handTypedBody(seed()).replace(
      para('二、分项绩效目标', { tc: '分项绩效目标' }),
      para('一、总体绩效目标'),
    );
    const error = await refusal(readTargetsDocx(await packageDocx(body), { fileName: 'x.docx' }));
    expect(error.message).toMatch(/^第 \d+ 段：“总体绩效目标”重复出现（第 \d+ 段已有）$/);
  });

  it('refuses a file that is not a zip, an old .doc, and a zip without a document', async () => {
    expect(
      (await refusal(readTargetsDocx(Buffer.from('plain text, not a Word file at all'), { fileName: 'a.docx' })))
        .message,
    ).toContain('a.docx');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect((await refusal(readTargetsDocx(ole, { fileName: 'old.doc' }))).message).toBe(
      'old.doc：这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入',
    );
    const noDocument = await packageDocx('', { 'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="x"/>' });
    expect((await refusal(readTargetsDocx(noDocument, { fileName: 'e.docx' }))).message).toBe(
      'e.docx：word/document.xml 中没有正文（w:body）',
    );
  });

  it('refuses XML entity expansion and malformed XML, naming the part', async () => {
    const bomb = await packageDocx('', {
      'word/document.xml':
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>',
    });
    expect((await refusal(readTargetsDocx(bomb, { fileName: 'bomb.docx' }))).message).toContain(
      'bomb.docx（word/document.xml）：XML 含有 DOCTYPE/ENTITY 声明',
    );
    const malformed = await packageDocx('', {
      'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p></w:body></w:document>',
    });
    expect((await refusal(readTargetsDocx(malformed, { fileName: 'm.docx' }))).message).toMatch(
      /^m\.docx（word\/document\.xml）：XML 格式错误/,
    );
  });

  it('refuses a file above the size limit before opening it', async () => {
    const error = await refusal(readTargetsDocx(Buffer.alloc(2048), { fileName: 'big.docx', maxBytes: 1024 }));
    expect(error.message).toContain('big.docx：文件过大');
  });
});
