import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from './csv.ts';

describe('CSV (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    const text = '\uFEFF编码,说明,金额\r\nA,"含,逗号",1\r\nB,"他说""好""",2\nC,"两\n行",3';
    expect(parseCsv(text, 'p.csv')).toEqual([
      ['编码', '说明', '金额'],
      ['A', '含,逗号', '1'],
      ['B', '他说"好"', '2'],
      ['C', '两\n行', '3'],
    ]);
  });
  it('keeps blank rows so row numbers match the file, and names the line of an open quote', () => {
    expect(parseCsv('a\n\nb\n', 'p.csv')).toEqual([['a'], [''], ['b']]);
    expect(() => parseCsv('a\n"open,1\n', 'p.csv')).toThrow('p.csv：第 3 行的引号没有闭合');
  });
  it('reads GB18030 bytes that are not UTF-8', () => {
    const bytes = Buffer.from('cfeec4bfb1e0c2eb2cd6a7b8b6c8d5c6da2cbdf0b6ee0a', 'hex');
    expect(parseCsv(decodeCsvBytes(bytes), 'p.csv')).toEqual([['项目编码', '支付日期', '金额']]);
  });
});
