import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellPlace } from './grid.ts';
import { readGrids } from './read-grids.ts';

/** Sheet 1 at A1; a hidden helper sheet; sheet 2 with its table at C4, merged ranges and every kind of value. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet('封面');
  first.getCell('A1').value = '项目支出绩效目标表';
  first.getCell('B2').value = true;
  book.addWorksheet('隐藏').getCell('A1').value = '不应读出';
  book.getWorksheet('隐藏')!.state = 'hidden';
  const sheet = book.addWorksheet('项目表');
  sheet.getCell('C4').value = '一级指标';
  sheet.getCell('D4').value = '指标值';
  sheet.mergeCells('D4:E4');
  sheet.getCell('C5').value = '产出指标';
  sheet.mergeCells('C5:C6');
  sheet.getCell('D5').value = 12.499999999999998;
  sheet.getCell('E5').value = { richText: [{ text: '万' }, { text: '元' }] };
  sheet.getCell('D6').value = 0.955;
  sheet.getCell('D6').numFmt = '0.0%';
  sheet.getCell('E6').value = { formula: 'D5*2', result: 25 };
  sheet.getCell('C7').value = new Date(Date.UTC(2024, 6, 1));
  sheet.getCell('D7').value = new Date(Date.UTC(2024, 6, 1));
  sheet.getCell('D7').numFmt = 'yyyy"年"m"月"';
  sheet.getCell('E7').value = false;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readGrids: .xlsx', () => {
  it('gives one grid per visible sheet, cropped to the used range, with merges filled and values as shown', async () => {
    const file = await readGrids(await workbook(), '目标.xlsx');
    expect(file.kind).toBe('xlsx');
    expect(file.grids.map((g) => g.source)).toEqual(['工作表“封面”', '工作表“项目表”']);
    const [cover, table] = file.grids;
    expect(cover!.rows).toEqual([
      ['项目支出绩效目标表', ''],
      ['', '是'],
    ]);
    expect(table!.index).toBe(2);
    expect(table!.address).toEqual({ style: 'a1', sheet: '项目表', firstRow: 4, firstColumn: 3 });
    expect(table!.rows).toEqual([
      ['一级指标', '指标值', '指标值'],
      ['产出指标', '12.5', '万元'],
      ['产出指标', '95.5%', '25'],
      ['2024-07-01', '2024.07', '否'],
    ]);
    expect(table!.origin).toEqual([
      ['own', 'own', 'merge'],
      ['own', 'own', 'own'],
      ['merge', 'own', 'own'],
      ['own', 'own', 'own'],
    ]);
    expect(cellPlace(table!, 2, 1)).toBe('工作表“项目表”D6');
    expect(file.paragraphs).toEqual([]);
  });

  it('refuses a workbook whose merged ranges would make exceljs allocate billions of cells', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('a').getCell('A1').value = 1;
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { readZipSafely } = await import('../zip-guard.ts');
    const { zipParts } = await import('../docx/zip-writer.ts');
    const entries = await readZipSafely(bytes, { fileName: 'x' });
    const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString();
    entries.set(
      'xl/worksheets/sheet1.xml',
      Buffer.from(
        sheet.replace(
          '</worksheet>',
          '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
        ),
      ),
    );
    const evil = zipParts([...entries], new Date(2024, 0, 1));
    await expect(readGrids(evil, 'evil.xlsx')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      location: { file: 'evil.xlsx' },
    });
  });
});
