import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson } from '../../../test/seed-text.ts';
import { writeTargetsPdf } from '../pdf/index.ts';
import type { GridFile } from './grid.ts';
import { cellPlace } from './grid.ts';
import { readGrids } from './read-grids.ts';

let file: GridFile;
beforeAll(async () => {
  const seed = { ...(fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument), fiscalYear: 2020 };
  file = await readGrids(await writeTargetsPdf(seed), 'targets.pdf');
}, 60_000);

describe('readGrids: PDF with a text layer', () => {
  it('reads the project tables Jixiao prints, one grid per table per page, merged cells filled', () => {
    expect(file.kind).toBe('pdf');
    const table = file.grids.find((g) => g.rows[0]?.includes('困难职工帮扶资金'))!;
    expect(table.address).toEqual({ style: 'rc', page: 10 });
    expect(table.above).toEqual(expect.arrayContaining(['1、困难职工帮扶资金绩效目标表']));
    expect(table.rows[0]).toEqual([
      '项目编码',
      '711-0701-JBN-PGN6',
      '711-0701-JBN-PGN6',
      '711-0701-JBN-PGN6',
      '项目名称',
      '困难职工帮扶资金',
      '困难职工帮扶资金',
      '困难职工帮扶资金',
      '困难职工帮扶资金',
    ]);
    expect(table.origin[0]).toEqual(['own', 'own', 'merge', 'merge', 'own', 'own', 'merge', 'merge', 'merge']);
    expect(table.rows[1]!.slice(0, 3)).toEqual(['预算规模及资金用途', '预算数', '20000.00']);
    // A label spanning two rows is filled down.
    expect(table.rows[2]![0]).toBe('预算规模及资金用途');
    expect(table.origin[2]![0]).toBe('merge');
    const header = table.rows.findIndex((row) => row[0] === '一级指标');
    expect(new Set(table.rows[header])).toEqual(
      new Set(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']),
    );
    // Text wrapped inside a narrow cell reads back as one line.
    expect(table.rows[header + 1]).toEqual(expect.arrayContaining(['产出指标', '数量指标', '补助金发放率', '≥90%']));
    expect(table.rows[header + 2]).toEqual(
      expect.arrayContaining(['效果指标', '补助人群生活改善情况', '补助人群在生活、医疗、护理金方面的改善情况']),
    );
    expect(cellPlace(table, 0, 4)).toBe('第 10 页，' + table.source + '，第 1 行，第 5 列');
  });

  it('continues a table that crosses a page as a grid of its own on the next page', () => {
    const continued = file.grids.find(
      (g) => g.address.style === 'rc' && g.address.page === 11 && g.rows[0]![0] === '一级指标',
    );
    expect(continued?.rows[1]).toEqual(['产出指标', '数量指标', '补助个人数量', '补助的人数', '个', '行业标准']);
  });

  it('keeps the text outside tables as paragraphs', () => {
    expect(file.paragraphs).toContain('一、总体绩效目标');
  });

  it('refuses a PDF without a text layer (a scan) with what to do instead', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.rect(50, 50, 200, 100).stroke();
    doc.end();
    await done;
    await expect(readGrids(Buffer.concat(chunks), 'scan.pdf')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'scan.pdf：这个 PDF 没有文字层（可能是扫描件），请导入 Word 或 Excel 原件',
      location: { file: 'scan.pdf' },
    });
  });
});
