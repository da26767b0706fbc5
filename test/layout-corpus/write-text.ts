import { placeCells, textGrid, type CorpusDocument, type TableSpec } from './table.ts';

/**
 * A corpus document as text pasted from Word or Excel: tab-separated rows (a merged cell's text in its first place,
 * the places it covers empty, as Excel copies), `| a | b |` pipe rows (Markdown), or one cell per line with a blank
 * line after each row (Word's plain-text copy of a table: covered places of a vertical merge become empty cells).
 */
export function corpusText(document: CorpusDocument): string {
  const lines = [...document.intro, ''];
  for (const table of document.tables) lines.push(...table.above, ...tableLines(table, document.text), '');
  return `${lines.join('\n')}\n`;
}

function tableLines(table: TableSpec, style: CorpusDocument['text']): string[] {
  if (style === 'lines') return cellLines(table);
  const rows = textGrid(table.rows).map((row) => row.map((text) => text.replace(/\n/g, ' ')));
  if (style === 'tab') return rows.map((row) => row.join('\t'));
  const pipe = rows.map((row) => `| ${row.join(' | ')} |`);
  return [pipe[0]!, `|${rows[0]!.map(() => '---|').join('')}`, ...pipe.slice(1)];
}

function cellLines(table: TableSpec): string[] {
  const { cells } = placeCells(table.rows);
  const covered = new Set<string>();
  for (const cell of cells) for (let dr = 1; dr < cell.rowSpan; dr += 1) covered.add(`${cell.row + dr}:${cell.column}`);
  const lines: string[] = [];
  table.rows.forEach((_, r) => {
    const own = cells.filter((cell) => cell.row === r);
    const continued = [...covered].filter((key) => key.startsWith(`${r}:`)).map((key) => Number(key.split(':')[1]));
    const inRow = [
      ...own.map((cell) => ({ column: cell.column, text: cell.text })),
      ...continued.map((column) => ({ column, text: '' })),
    ];
    inRow.sort((a, b) => a.column - b.column);
    lines.push(...inRow.map((cell) => `\t${cell.text.replace(/\n/g, ' ')}`), '');
  });
  return lines;
}
