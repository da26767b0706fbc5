import { AppError } from '../../domain/errors.ts';

/**
 * exceljs expands some ranges cell by cell while loading: data validations (sqref), merged cells and
 * defined names. A 200-byte "A1:XFD1048576" would make it create 17 billion entries, so the ranges are
 * measured in the raw XML first and a workbook whose ranges cover too many cells is refused. DOCTYPE and
 * ENTITY declarations (entity expansion) are refused as in D's xml-guard; Office never writes them.
 */
const MAX_RANGE_CELLS = 500_000;

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;
const RANGE_SOURCES = [/\bsqref="([^"]*)"/g, /<mergeCell\b[^>]*\bref="([^"]*)"/g, /<definedName\b[^>]*>([^<]*)</g];
const CELL_RANGE = /\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?/g;

export function assertWorkbookXmlSafe(entries: Map<string, Buffer>, fileName: string): void {
  let cells = 0;
  for (const [name, data] of entries) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const text = data.toString('utf8');
    if (DECLARATION.test(text)) refuse(fileName, `${name} 含有 DOCTYPE/ENTITY 声明，出于安全原因拒绝读取`);
    for (const source of RANGE_SOURCES) {
      for (const match of text.matchAll(source)) {
        cells += rangeCells(match[1]!);
        if (cells > MAX_RANGE_CELLS)
          refuse(
            fileName,
            `${name} 中的数据验证、合并单元格或名称覆盖的单元格过多（超过 ${MAX_RANGE_CELLS}），疑似恶意文件`,
          );
      }
    }
  }
}

function rangeCells(refs: string): number {
  let total = 0;
  for (const match of refs.toUpperCase().matchAll(CELL_RANGE)) {
    const [, col1, row1, col2 = col1, row2 = row1] = match;
    const width = Math.abs(columnNumber(col2!) - columnNumber(col1!)) + 1;
    const height = Math.abs(Number(row2) - Number(row1)) + 1;
    total += width * height;
  }
  return total;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function refuse(fileName: string, reason: string): never {
  throw new AppError('BAD_INPUT', `${fileName}：${reason}`, { location: { file: fileName } });
}
