import { describe, expect, it } from 'vitest';
import { cellPlace } from './grid.ts';
import { readGrids } from './read-grids.ts';

describe('readGrids: text', () => {
  it('reads tab rows and pipe rows as tables, everything else as paragraphs', async () => {
    const text = [
      '项目支出绩效目标表',
      '单位：万元',
      '项目名称\t社区养老服务\t\t',
      '预算  金额\t12.5',
      '',
      '说明文字',
      '| 一级指标 | 指标值 |',
      '|---|:---:|',
      '| 产出指标 | ≥ 3 \\| 个 |',
    ].join('\r\n');
    const file = await readGrids(text, 'paste.txt');
    expect(file.kind).toBe('text');
    expect(file.grids).toHaveLength(2);
    const [tabs, pipes] = file.grids;
    expect(tabs!.rows).toEqual([
      ['项目名称', '社区养老服务', '', ''],
      ['预算 金额', '12.5', '', ''],
    ]);
    expect(tabs!.origin[1]).toEqual(['own', 'own', 'pad', 'pad']);
    expect(tabs!.above).toEqual(['项目支出绩效目标表', '单位：万元']);
    expect(tabs!.address).toEqual({ style: 'rc', firstLine: 3 });
    expect(cellPlace(tabs!, 1, 1)).toBe('第 1 个表格，第 2 行，第 2 列（文本第 4 行）');
    expect(pipes!.rows).toEqual([
      ['一级指标', '指标值'],
      ['产出指标', '≥ 3 | 个'],
    ]);
    expect(pipes!.above).toEqual(['说明文字']);
    expect(file.paragraphs).toEqual(['项目支出绩效目标表', '单位：万元', '说明文字']);
  });

  it('also gives a run of short lines after a table label as a one-column stream (Word’s one-cell-per-line paste)', async () => {
    const lines = [
      '前言很长的一段话'.repeat(10),
      '项目支出绩效目标表',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '产出指标',
      '数量指标',
      '',
      '培训人次',
      '≥ 300',
    ];
    const file = await readGrids(lines.join('\n'), 'paste.txt');
    expect(file.grids).toHaveLength(1);
    const [stream] = file.grids;
    expect(stream!.shape).toBe('lines');
    expect(stream!.rows).toEqual(lines.slice(1).map((line) => [line]));
    expect(stream!.address).toEqual({ style: 'rc', firstLine: 2 });
    expect(stream!.above).toEqual([lines[0]]);
    // The lines stay paragraphs too: the recogniser decides.
    expect(file.paragraphs).toContain('培训人次');
  });

  it('does not take ordinary short lines without a table label as a table', async () => {
    const file = await readGrids(['一', '二', '三', '四', '五', '六', '七'].join('\n'), 'notes.txt');
    expect(file.grids).toEqual([]);
  });

  it('decodes GB18030 bytes and reads a .csv by RFC 4180', async () => {
    const gb = Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0x09, 0xd6, 0xb8, 0xb1, 0xea]); // "项目\t指标" in GB18030
    expect((await readGrids(gb, 'gb.txt')).grids[0]!.rows).toEqual([['项目', '指标']]);
    const csv = '名称,"说明, 含逗号","他说""好"""\r\n养老,"两行\n文字",3\r\n\r\n';
    const file = await readGrids(Buffer.from(`\uFEFF${csv}`), '表.csv');
    expect(file.grids[0]!.rows).toEqual([
      ['名称', '说明, 含逗号', '他说"好"'],
      ['养老', '两行\n文字', '3'],
    ]);
  });
});
