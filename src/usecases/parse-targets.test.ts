import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { SEED_FILE } from '../../test/cli.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { writeTargetsDocx } from '../documents/docx/index.ts';
import { writeTargetsXlsx } from '../documents/xlsx/index.ts';
import { detectDocumentKind } from '../documents/targets-file.ts';
import { parseTargetsFile } from './parse-targets.ts';

describe('parseTargetsFile dispatches by content, then by name', () => {
  it('reads an .xlsx even when it was renamed, and checks its year against the given one', async () => {
    const xlsx = await writeTargetsXlsx({ ...seedDocument(), fiscalYear: 2020 });
    expect(detectDocumentKind(xlsx, 'renamed.txt')).toBe('xlsx');
    const { document } = await parseTargetsFile({ content: xlsx, fileName: 'renamed.txt', fiscalYear: 2020 });
    expect(document).toEqual({ ...seedDocument(), fiscalYear: 2020 });
    const error = await expectAppError(
      parseTargetsFile({ content: xlsx, fileName: 'a.xlsx', fiscalYear: 2021 }),
      'BAD_INPUT',
    );
    expect(error.message).toBe('文件写明的年度 2020 与指定的年度 2021 不一致');
  });

  it('hands a .docx to the Word reader', async () => {
    const docx = await writeTargetsDocx({ ...seedDocument(), fiscalYear: 2020 });
    expect(detectDocumentKind(docx, 'x.bin')).toBe('docx');
    const { document } = await parseTargetsFile({ content: docx, fileName: 'seed.docx' });
    expect(document.unit).toEqual({ code: '711002', name: '秦皇岛市山海关区总工会' });
    expect(document.projects).toHaveLength(4);
  });

  it('keeps reading text and JSON as before', async () => {
    const text = await readFile(SEED_FILE);
    expect((await parseTargetsFile({ content: text, fileName: 'seed.txt', fiscalYear: 2020 })).document).toEqual({
      ...seedDocument(),
      fiscalYear: 2020,
    });
    const json = Buffer.from(JSON.stringify(seedDocument()));
    expect((await parseTargetsFile({ content: json, fileName: 'seed.json' })).document).toEqual(seedDocument());
  });

  it('knows old binary Office and PDF files by their bytes, and refuses an .xlsx or .pdf that is not one', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(detectDocumentKind(ole, 'old.xls')).toBe('legacy');
    expect(detectDocumentKind(ole, 'old.wps')).toBe('legacy');
    expect(detectDocumentKind(Buffer.from('%PDF-1.7\n'), 'renamed.txt')).toBe('pdf');
    expect(() => detectDocumentKind(Buffer.from('项目编码'), 'fake.xlsx')).toThrow('内容不是 Excel 文件');
    expect(() => detectDocumentKind(Buffer.from('项目编码'), 'fake.pdf')).toThrow('内容不是 PDF 文件');
  });
});
