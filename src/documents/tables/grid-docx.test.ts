import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../docx/zip-writer.ts';
import { cellPlace } from './grid.ts';
import { readGrids } from './read-grids.ts';

const cell = (text: string, options: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...options });

/** A 绩效目标表 in miniature: a two-row 一级 merge (vMerge), a header across two columns (gridSpan). */
async function officialDocx(): Promise<Buffer> {
  const table = new Table({
    rows: [
      new TableRow({ children: [cell('一级指标'), cell('二级指标'), cell('指标值', { columnSpan: 2 })] }),
      new TableRow({ children: [cell('产出指标', { rowSpan: 2 }), cell('数量指标'), cell('≥ 30'), cell('人')] }),
      new TableRow({ children: [cell('质量指标'), cell('95%'), cell('第一行\n第二行')] }),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('正文第一段'),
          new Paragraph({ children: [new TextRun('项目支出'), new TextRun({ text: '绩效目标表', break: 1 })] }),
          new Paragraph(''),
          new Paragraph('单位：万元'),
          table,
          new Paragraph('表后说明'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (body: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${body}</w:tc>`;
const grid = (n: number) => `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(n)}</w:tblGrid>`;

/** What the docx library cannot write: gridBefore/gridAfter, a table in a cell, a table in a content control, tabs. */
function handWritten(): Buffer {
  const nested = `<w:tbl>${grid(2)}<w:tr>${tc(p('内1'))}${tc(p('内2'))}</w:tr></w:tbl>`;
  const body = [
    p('标题一'),
    `<w:tbl>${grid(4)}`,
    `<w:tr>${tc(p('A'))}${tc(p('B'))}${tc(p('C'))}${tc(p('D'))}</w:tr>`,
    `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc(p('b2'))}${tc(p('c2'))}</w:tr>`,
    `<w:tr>${tc(p('外层') + nested + p('文字'), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc('<w:p><w:r><w:t>x</w:t><w:tab/><w:t>y</w:t></w:r></w:p>')}${tc('<w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>')}</w:tr>`,
    `<w:tr>${tc('<w:p/>', '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc(p('x3'))}${tc(p('y3'))}</w:tr>`,
    '</w:tbl>',
    p('中间段落'),
    `<w:sdt><w:sdtPr/><w:sdtContent>${p('控件内标题')}<w:tbl>${grid(1)}<w:tr>${tc(p('控件内'))}</w:tr></w:tbl></w:sdtContent></w:sdt>`,
  ].join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipParts([['word/document.xml', Buffer.from(xml, 'utf8')]], new Date(2024, 0, 1));
}

describe('readGrids: .docx', () => {
  it('fills vertical and horizontal merges, keeps a cell’s paragraphs as lines, and finds the lines above', async () => {
    const file = await readGrids(await officialDocx(), '目标表.docx');
    expect(file.kind).toBe('docx');
    expect(file.grids).toHaveLength(1);
    const [table] = file.grids;
    expect(table!.rows).toEqual([
      ['一级指标', '二级指标', '指标值', '指标值'],
      ['产出指标', '数量指标', '≥ 30', '人'],
      ['产出指标', '质量指标', '95%', '第一行\n第二行'],
    ]);
    expect(table!.origin).toEqual([
      ['own', 'own', 'own', 'merge'],
      ['own', 'own', 'own', 'own'],
      ['merge', 'own', 'own', 'own'],
    ]);
    expect(table!.above).toEqual(['正文第一段', '项目支出\n绩效目标表', '单位：万元']);
    expect(table!.shape).toBe('cells');
    expect(file.paragraphs).toEqual(['正文第一段', '项目支出\n绩效目标表', '单位：万元', '表后说明']);
    expect(cellPlace(table!, 2, 0)).toBe('第 1 个表格，第 3 行，第 1 列');
  });

  it('lines columns up across gridBefore/gridAfter, and gives a nested table and a content control’s table grids of their own', async () => {
    const file = await readGrids(handWritten(), 'hand.docx');
    expect(file.grids.map((g) => g.source)).toEqual(['第 1 个表格', '第 2 个表格', '第 3 个表格']);
    const [outer, inner, control] = file.grids;
    expect(outer!.rows).toEqual([
      ['A', 'B', 'C', 'D'],
      ['', 'b2', 'c2', ''],
      ['外层\n文字', '外层\n文字', 'x y', '甲\n乙'],
      ['外层\n文字', '外层\n文字', 'x3', 'y3'],
    ]);
    expect(outer!.origin).toEqual([
      ['own', 'own', 'own', 'own'],
      ['pad', 'own', 'own', 'pad'],
      ['own', 'merge', 'own', 'own'],
      ['merge', 'merge', 'own', 'own'],
    ]);
    expect(outer!.above).toEqual(['标题一']);
    expect(inner!.rows).toEqual([['内1', '内2']]);
    // The cell's paragraph before the nested table is its title line (a form framed in a one-cell table).
    expect(inner!.above).toEqual(['外层']);
    expect(control!.rows).toEqual([['控件内']]);
    expect(control!.above).toEqual(['中间段落', '控件内标题']);
    expect(file.paragraphs).toEqual(['标题一', '中间段落', '控件内标题']);
  });

  it('refuses a hostile document.xml through the XML guard, naming the file', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document ${W}><w:body/></w:document>`;
    const zip = zipParts([['word/document.xml', Buffer.from(xml)]], new Date(2024, 0, 1));
    await expect(readGrids(zip, 'evil.docx')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('evil.docx') as string,
      location: { file: 'evil.docx' },
    });
  });
});
