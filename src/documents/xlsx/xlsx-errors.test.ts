import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { expectAppError } from '../../../test/app-errors.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { readZipSafely } from '../zip-guard.ts';
import { SHEETS } from './layout.ts';
import { readTargetsXlsx, writeTargetsXlsx } from './index.ts';

async function seedBook(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await writeTargetsXlsx({ ...seedDocument(), fiscalYear: 2020 })) as unknown as ExcelJS.Buffer);
  return book;
}

/** The seed workbook with one change, read back: the error it gives. */
async function errorAfter(change: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = await seedBook();
  change(book);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const error = await expectAppError(readTargetsXlsx(buffer, { fileName: 'broken.xlsx' }), 'BAD_INPUT');
  expect(error.location?.file).toBe('broken.xlsx');
  return error.message;
}

const sheet = (book: ExcelJS.Workbook, name: string) => book.getWorksheet(name)!;

describe('readTargetsXlsx names the sheet and cell of what it cannot read', () => {
  it('an empty 三级指标', async () => {
    expect(await errorAfter((book) => (sheet(book, SHEETS.indicators).getCell('E7').value = null))).toBe(
      '工作表“指标明细”单元格 E7：三级指标不能为空',
    );
  });

  it('an amount that is not exact to the 分, typed or computed', async () => {
    expect(await errorAfter((book) => (sheet(book, SHEETS.projects).getCell('C3').value = 123.456))).toBe(
      '工作表“项目”单元格 C3：预算数应为金额（元，最多两位小数，如 20000.00），实际为“123.456”',
    );
    // A formula whose cached result is a binary artefact is refused rather than rounded.
    expect(
      await errorAfter(
        (book) => (sheet(book, SHEETS.projects).getCell('D2').value = { formula: '0.1+0.2', result: 0.1 + 0.2 }),
      ),
    ).toContain('工作表“项目”单元格 D2：财政资金应为金额');
    expect(await errorAfter((book) => (sheet(book, SHEETS.projects).getCell('E4').value = '约三万元'))).toContain(
      '工作表“项目”单元格 E4：其他资金应为金额',
    );
  });

  it('an indicator of a project that is not listed, and a project name that does not match', async () => {
    expect(await errorAfter((book) => (sheet(book, SHEETS.indicators).getCell('A4').value = 'NO-SUCH'))).toBe(
      '工作表“指标明细”单元格 A4：项目编码 NO-SUCH 不在工作表“项目”中，请先在那里填写该项目',
    );
    expect(await errorAfter((book) => (sheet(book, SHEETS.indicators).getCell('B2').value = '别的项目'))).toContain(
      '工作表“指标明细”单元格 B2：项目名称“别的项目”与工作表“项目”第 2 行',
    );
  });

  it('a duplicate project code, a spending plan that goes down, a date where text belongs', async () => {
    expect(await errorAfter((book) => (sheet(book, SHEETS.projects).getCell('A3').value = '711-0701-JBN-PGN6'))).toBe(
      '工作表“项目”单元格 A3：项目编码 711-0701-JBN-PGN6 重复（第 2 行已有）',
    );
    expect(await errorAfter((book) => (sheet(book, SHEETS.projects).getCell('J2').value = 50))).toBe(
      '工作表“项目”单元格 J2：累计支出比例不能低于前一节点（I2 为 60）',
    );
    // Excel turns "2020-1-1" typed into a cell into a date serial with a date format.
    const typeDate = (book: ExcelJS.Workbook) => {
      const cell = sheet(book, SHEETS.indicators).getCell('F3');
      cell.value = new Date(Date.UTC(2020, 0, 1));
      cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
    };
    expect(await errorAfter(typeDate)).toContain('工作表“指标明细”单元格 F3：此处应为文字，实际为日期');
  });

  it('a moved column and a missing sheet', async () => {
    expect(await errorAfter((book) => (sheet(book, SHEETS.indicators).getCell('G1').value = '目标值'))).toBe(
      '工作表“指标明细”单元格 G1：表头应为“指标值”，实际为“目标值”（请使用 Jixiao 模板的列顺序）',
    );
    expect(await errorAfter((book) => book.removeWorksheet(sheet(book, SHEETS.projects).id))).toContain(
      '找不到工作表“项目”',
    );
  });

  it('a year that is not a year, and an empty unit code', async () => {
    expect(await errorAfter((book) => (sheet(book, SHEETS.overall).getCell('B4').value = '二〇二〇'))).toBe(
      '工作表“总体目标”单元格 B4：年度应为四位年份（如 2020），实际为“二〇二〇”',
    );
    expect(await errorAfter((book) => (sheet(book, SHEETS.overall).getCell('B2').value = null))).toBe(
      '工作表“总体目标”单元格 B2：单位编码不能为空',
    );
  });
});

function zipOf(entries: Map<string, Buffer>, compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compress });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** The seed export with one part of the zip replaced. */
async function withPart(name: string, edit: (xml: string) => string | Buffer): Promise<Buffer> {
  const buffer = await writeTargetsXlsx(seedDocument());
  const entries = await readZipSafely(buffer, { fileName: 'seed.xlsx' });
  const edited = edit(entries.get(name)!.toString('utf8'));
  entries.set(name, typeof edited === 'string' ? Buffer.from(edited) : edited);
  return zipOf(entries);
}

describe('readTargetsXlsx refuses hostile workbooks before exceljs opens them', () => {
  it('a zip bomb: one part inflating far beyond its compressed size', async () => {
    const bomb = await withPart('xl/worksheets/sheet1.xml', () => Buffer.alloc(80 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await expectAppError(readTargetsXlsx(bomb, { fileName: 'bomb.xlsx' }), 'BAD_INPUT');
    expect(error.message).toMatch(/^bomb\.xlsx：/);
  });

  it('a data validation over a whole sheet (which exceljs would expand cell by cell)', async () => {
    const hostile = await withPart('xl/worksheets/sheet3.xml', (xml) =>
      xml.replace(/sqref="[^"]*"/, 'sqref="A1:XFD1048576"'),
    );
    const started = Date.now();
    const error = await expectAppError(readTargetsXlsx(hostile, { fileName: 'ranges.xlsx' }), 'BAD_INPUT');
    expect(error.message).toContain('疑似恶意文件');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an entity declaration, and a file that is not a zip at all', async () => {
    const laughs = await withPart('xl/sharedStrings.xml', (xml) =>
      xml.replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'),
    );
    expect((await expectAppError(readTargetsXlsx(laughs, { fileName: 'laughs.xlsx' }), 'BAD_INPUT')).message).toContain(
      'DOCTYPE',
    );
    await expectAppError(readTargetsXlsx(Buffer.from('项目编码,项目名称\n'), { fileName: 'fake.xlsx' }), 'BAD_INPUT');
  });
});
