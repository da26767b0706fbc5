import { fileProblem } from '../../domain/import-problems.ts';

/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF or LF, a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). A BOM is dropped. Bytes that are not UTF-8 are read
 * as GB18030, which Chinese Excel writes by default.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string, fileName: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') [field, i] = [field + '"', i + 2];
      else if (c === '"') [quoted, i] = [false, i + 1];
      else {
        if (c === '\n') line += 1;
        [field, i] = [field + c, i + 1];
      }
      continue;
    }
    if (c === '"' && field === '') [quoted, i] = [true, i + 1];
    else if (c === ',') [i] = [i + 1, endField()];
    else if (c === '\r' && source[i + 1] === '\n') i += 1;
    else if (c === '\n') {
      endField();
      rows.push(row);
      [row, line, i] = [[], line + 1, i + 1];
    } else [field, i] = [field + c, i + 1];
  }
  if (quoted) throw fileProblem('quote-unclosed', `${fileName}：第 ${line} 行的引号没有闭合`, { file: fileName, line });
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  // Blank rows stay: row numbers in error messages must match what the user sees.
  return rows;
}
