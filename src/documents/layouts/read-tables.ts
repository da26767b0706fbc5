import { AppError } from '../../domain/errors.ts';
import type { ImportNote } from '../../domain/import-note.ts';
import { statedYear } from '../../domain/stated-values.ts';
import type { GridFile } from '../tables/grid.ts';
import { type Assembly, addTable, emptyAssembly, statedUnit } from './assemble.ts';
import { segmentStarts } from './blocks.ts';
import type { BuildContext } from './build.ts';
import { kindOf } from './classify.ts';
import { chooseField } from './fields.ts';
import type { HeaderField } from './labels.ts';
import type { LayoutDef } from './layout.ts';
import type { RecognisedTable, TableKind, TablesReading } from './reading.ts';
import { type RawTable, readSegment } from './read-segment.ts';
import { KIND_NAMES, chooseLayout } from './registry.ts';
import { sheetsOf } from './sheet.ts';

interface Found {
  raw: RawTable;
  entry: RecognisedTable;
  kind: TableKind | null;
  layout: LayoutDef | null;
}

/**
 * Every performance table of a file, recognised by its labels (issue 15): each grid is cut into its tables, each
 * table scored against the layout registry, its fields and indicator rows read wherever they sit, and the whole
 * assembled into the documents it holds. Throws BAD_INPUT, saying what was recognised, when a table is unusable
 * or the file holds none.
 */
export function readTables(file: GridFile, options: { fiscalYear?: number } = {}): TablesReading {
  const notes: ImportNote[] = [];
  const found = findTables(file);
  const recognised = found.filter((f) => f.kind !== null && f.raw.continues === null);
  if (recognised.length === 0) nothingFound(file, found);
  const year = options.fiscalYear ?? firstYear(file, recognised);
  const assembly = emptyAssembly(year);
  for (const f of recognised) {
    const recognisedAs = `${f.raw.sheet.grid.source}识别为${KIND_NAMES[f.kind!]}（${f.layout!.name}）`;
    const ctx: BuildContext = { fileName: file.fileName, notes, recognisedAs };
    addTable(assembly, ctx, f.raw, f.kind!);
  }
  for (const f of found) tableNotes(f, notes);
  return finish(assembly, file, found, notes);
}

function findTables(file: GridFile): Found[] {
  const found: Found[] = [];
  let previous: RawTable | null = null;
  for (const sheet of sheetsOf(file.grids)) {
    const starts = segmentStarts(sheet);
    starts.forEach((start, i) => {
      const raw = readSegment(sheet, start, starts[i + 1] ?? sheet.rows.length, previous);
      if (raw.continues) {
        raw.continues.indicators.push(...raw.indicators);
        raw.continues.skipped.push(...raw.skipped);
      }
      const kind = kindOf(raw);
      const source = raw.continues ?? raw;
      const layout = kind ? chooseLayout(kind, source.title.join(' '), source.keys, isFlat(source)) : null;
      found.push({ raw, kind, layout, entry: entryOf(raw, kind, layout) });
      if (kind) previous = raw;
    });
  }
  return found;
}

function isFlat(raw: RawTable): boolean {
  return raw.header?.columns.some((col) => col.project === 'projectName') ?? false;
}

function entryOf(raw: RawTable, kind: TableKind | null, layout: LayoutDef | null): RecognisedTable {
  const { sheet } = raw;
  const columns: RecognisedTable['columns'] = [];
  for (const field of raw.fields.keys()) {
    const value = chooseField(raw.fields, field as HeaderField);
    if (value) columns.push({ label: value.label, field, place: sheet.place(value.row, value.column) });
  }
  for (const col of raw.execution?.header.columns ?? [])
    columns.push({
      label: col.label,
      field: `execution.${col.field}`,
      place: sheet.place(raw.execution!.header.row, col.column),
    });
  for (const col of raw.header?.columns ?? []) {
    const field = col.indicator ? `indicator.${col.indicator}` : col.project;
    const label = col.sub ? `${col.label}·${col.sub}` : col.label;
    if (raw.header!.row >= 0) columns.push({ label, field, place: sheet.place(raw.header!.row, col.column) });
  }
  const money = raw.money ?? raw.continues?.money ?? null;
  return {
    grid: sheet.grid.index,
    source: sheet.grid.source,
    kind,
    layout: layout?.id ?? null,
    layoutName: layout?.name ?? null,
    moneyUnit: money,
    columns,
    rowsRead: raw.indicators.length,
    rowsSkipped: raw.skipped.map(({ place, reason }) => ({ place, reason })),
    headers: firstRow(raw),
  };
}

function firstRow(raw: RawTable): string[] {
  for (let row = raw.start; row < raw.end; row += 1) {
    const texts = raw.sheet.rows[row]!.filter((text, i, all) => text !== '' && all.indexOf(text) === i);
    if (texts.length > 0) return texts;
  }
  return [];
}

function tableNotes(f: Found, notes: ImportNote[]): void {
  if (!f.kind) return;
  const { raw } = f;
  const line = raw.sheet.line(raw.start);
  if (raw.continues)
    notes.push({
      line,
      code: 'table-continued',
      message: `${raw.sheet.grid.source}接续上一个表格（跨页续表），已合并`,
    });
  if (raw.money && raw.money.unit !== '元' && !raw.continues)
    notes.push({
      line,
      code: 'money-converted',
      message: `${raw.sheet.grid.source}：金额单位为${raw.money.unit}（${raw.money.place}），已按精确换算为元`,
    });
  missingLevel2Notes(raw, notes);
  for (const skipped of raw.skipped) {
    const message = `${skipped.place}：${skipped.reason}，已跳过`;
    // A continued table hands its skipped rows to the table it continues: say each once.
    if (notes.some((note) => note.code === 'row-skipped' && note.message === message)) continue;
    notes.push({ line: raw.sheet.line(skipped.row), code: 'row-skipped', message });
  }
}

/** An empty 二级 the reader did not carry down (no row above, or a new 一级) is imported as '' and said here. */
function missingLevel2Notes(raw: RawTable, notes: ImportNote[]): void {
  const level2Column = raw.header?.columns.find((col) => col.indicator === 'level2' && col.sub === null);
  for (const row of raw.indicators) {
    if (level2Column === undefined || (row.values.level2 ?? '') !== '') continue;
    notes.push({
      line: raw.sheet.line(row.row),
      code: 'level2-missing',
      message: `${raw.sheet.place(row.row, level2Column.column)}：二级指标为空，已按未填写导入，审核将指出该行`,
    });
  }
}

function firstYear(file: GridFile, recognised: Found[]): number | undefined {
  for (const f of recognised) {
    const year = statedYear(f.raw.title.join(' '));
    if (year !== undefined) return year;
  }
  for (const paragraph of file.paragraphs.slice(0, 3)) {
    const year = /绩效|预算|决算/.test(paragraph) ? statedYear(paragraph) : undefined;
    if (year !== undefined) return year;
  }
  return undefined;
}

function finish(assembly: Assembly, file: GridFile, found: Found[], notes: ImportNote[]): TablesReading {
  const candidates = [...assembly.unitCandidates, ...unitLines(file, found)];
  const unit = statedUnit(candidates);
  if (unit.name === '')
    notes.push({
      line: 1,
      code: 'unit-not-stated',
      message: '表格中没有单位名称：导入时请选择单位（命令行用 --unit）',
    });
  const withYear = <T extends { fiscalYear?: number }>(doc: T): T =>
    assembly.fiscalYear === undefined ? doc : { ...doc, fiscalYear: assembly.fiscalYear };
  return {
    targets: assembly.targets && withYear({ ...assembly.targets, unit }),
    evaluation: assembly.evaluation && withYear({ ...assembly.evaluation, unit }),
    monitoring: assembly.monitoring && withYear({ ...assembly.monitoring, unit }),
    tables: found.map((f) => f.entry),
    notes,
  };
}

/** "填报单位：某局" / "单位名称：某局" written above a table or in the file's text. */
function unitLines(file: GridFile, found: Found[]): string[] {
  const lines = [...found.flatMap((f) => f.raw.title), ...file.paragraphs.slice(0, 10)];
  // "712003某县总工会" over the seed's tables: a code and a name, or a name ending like an organisation's.
  const names = found
    .flatMap((f) => (f.kind ? f.raw.loose : []))
    .filter((text) => /^\d{3,}\s*[-—_]?\s*\D/.test(text) || ORGANISATION.test(text));
  for (const line of lines) {
    const match = /(?:填报|编制|申报|预算|部门)?单位(?:名称)?(?:（盖章）|\(盖章\))?[：:]\s*([^\s：:]+)/.exec(line);
    if (match && !/^(?:千元|万元|元)$/.test(match[1]!)) names.push(match[1]!);
  }
  return names;
}

const ORGANISATION = /^[^\s：:，,。]{2,30}(?:局|委员会|委|办公室|中心|政府|院|所|站|馆|校|学校|厅|会|社|队|处)$/;

const NARRATIVE_HEADING = /^[一二三四五六七八九十]+、/;

function nothingFound(file: GridFile, found: Found[]): never {
  const fail = (message: string): never => {
    throw new AppError('BAD_INPUT', message, { location: { file: file.fileName } });
  };
  const headings = file.paragraphs.filter((p) => NARRATIVE_HEADING.test(p)).length;
  const long = file.paragraphs.filter((p) => p.length >= 50).length;
  if (headings >= 2 && long >= 2) fail('这是自评报告正文，不是表格；请导入它的附表');
  if (found.length === 0) fail('文件中没有找到表格：请导入绩效目标表、自评表或监控表');
  const shown = found
    .slice(0, 5)
    .map((f) => `${f.entry.source}：${f.entry.headers.slice(0, 4).join('、') || '空'}`)
    .join('；');
  return fail(`找到 ${found.length} 个表格，都不是绩效表（表头：${shown}）`);
}
