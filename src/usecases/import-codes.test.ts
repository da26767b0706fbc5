import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { HOSTILE_CODES } from '../../test/hostile-codes.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SHEETS } from '../documents/xlsx/layout.ts';
import { parseTargetsFile } from './parse-targets.ts';

/**
 * Decision 020: a unit or project code read from an imported file that breaks the code rules is
 * refused with the place it was read from (file, line or cell, field), in every format.
 */
const SEED = readFileSync(resolve(import.meta.dirname, '../../examples/shanhaiguan-2020.txt'), 'utf8');
const parse = (content: Uint8Array | string, fileName: string) =>
  expectAppError(parseTargetsFile({ content, fileName, fiscalYear: 2020 }), 'BAD_INPUT');

describe('codes read from imported files', () => {
  it('seed text: a 41-digit unit code and a hostile project code name the line and the field', async () => {
    const longUnit = await parse(SEED.replaceAll('711002秦皇岛市', `${'7'.repeat(41)}秦皇岛市`), 'long.txt');
    expect(longUnit.location).toEqual({ file: 'long.txt', line: 161, field: 'unit.code' });
    expect(longUnit.message).toContain('最长 40');
    const project = await parse(SEED.replace('711-0701-JBN-PGN6', '../x'), 'project.txt');
    expect(project.location).toEqual({ file: 'project.txt', line: 165, field: 'projects.0.code' });
    expect(project.message).toContain('项目编码不符合要求');
  });

  it('exchange JSON: every hostile unit code and project code is refused with its path', async () => {
    for (let code of HOSTILE_CODES) {
      const unit = await parse(JSON.stringify({ ...seedDocument(), unit: { code, name: '单位' } }), 'unit.json');
      expect(unit.location, JSON.stringify(code)).toMatchObject({ file: 'unit.json', path: ['unit', 'code'] });
      // 41 characters is a fine project code (up to 64); the project check gets its own long one.
      if (code.length === 41) code = 'P'.repeat(65);
      const document = seedDocument();
      const projects = document.projects.map((p, i) => (i === 1 ? { ...p, code } : p));
      const project = await parse(JSON.stringify({ ...document, projects }), 'project.json');
      expect(project.location, JSON.stringify(code)).toMatchObject({
        file: 'project.json',
        path: ['projects', 1, 'code'],
      });
    }
  });

  it('Excel: a hostile unit code or project code names the sheet and cell', async () => {
    const { writeTargetsXlsx } = await import('../documents/xlsx/index.ts');
    const edited = async (change: (book: ExcelJS.Workbook) => void) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await writeTargetsXlsx({ ...seedDocument(), fiscalYear: 2020 })) as unknown as ExcelJS.Buffer,
      );
      change(book);
      return new Uint8Array(await book.xlsx.writeBuffer());
    };
    const unit = await parse(
      await edited((book) => (book.getWorksheet(SHEETS.overall)!.getCell('B2').value = 'a/b')),
      'unit.xlsx',
    );
    expect(unit.location).toMatchObject({ file: 'unit.xlsx', field: `${SHEETS.overall}!B2`, path: ['unit', 'code'] });
    const project = await parse(
      await edited((book) => (book.getWorksheet(SHEETS.projects)!.getCell('A3').value = 'x\u202eb')),
      'project.xlsx',
    );
    expect(project.location).toMatchObject({
      file: 'project.xlsx',
      field: `${SHEETS.projects}!A3`,
      path: ['projects', 1, 'code'],
    });
  });

  it('Word: a hostile project code names its place in the document', async () => {
    const { writeTargetsDocx } = await import('../documents/docx/index.ts');
    const document = seedDocument();
    const docx = await writeTargetsDocx({
      ...document,
      projects: document.projects.map((p, i) => (i === 0 ? { ...p, code: '..%2f' } : p)),
    });
    const error = await parse(docx, 'evil.docx');
    expect(error.location).toMatchObject({ file: 'evil.docx' });
    expect(error.message).toContain('项目编码不符合要求');
  });
});
