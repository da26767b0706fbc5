import { EvaluationDocumentSchema, MonitoringDocumentSchema } from '../contract/table-documents.ts';
import { StatedTargetsSchema } from '../contract/targets.ts';
import { zodIssues } from '../contract/validate-input.ts';
import type { RecognisedTable, TablesReading } from '../documents/layouts/reading.ts';
import { readTables } from '../documents/layouts/read-tables.ts';
import { readSeedText } from '../documents/seed-text/read-seed-text.ts';
import type { GridFile } from '../documents/tables/grid.ts';
import { readGrids } from '../documents/tables/read-grids.ts';
import { type DocumentKind, decodeText, detectDocumentKind, readOfficeTargets } from '../documents/targets-file.ts';
import { AppError, isAppError } from '../domain/errors.ts';
import type { ImportNote } from '../domain/import-note.ts';
import type { EvaluationDocument, MonitoringDocument } from '../domain/table-documents.ts';
import type { StatedTargets } from '../domain/targets.ts';
import { cleanImportedText } from './clean-imported-text.ts';

/** A file read whatever it holds: targets, a 自评表 or a 监控表, and what each of its tables was recognised as. */
export type ParsedDocument =
  | Parsed<'targets', StatedTargets>
  | Parsed<'evaluation', EvaluationDocument>
  | Parsed<'monitoring', MonitoringDocument>;

interface Parsed<K extends string, D> {
  kind: K;
  document: D;
  notes: ImportNote[];
  /** What the table reader recognised, grid by grid; empty when a strict reader (seed, Jixiao workbook, JSON) read it. */
  tables: RecognisedTable[];
}

export interface ParseInput {
  content: Uint8Array | string;
  fileName: string;
  fiscalYear?: number;
}

/**
 * Reads a document from a file's bytes, whatever its format and layout (issue 15). Exchange JSON by its `format`;
 * text, Word and Excel through the strict readers of Jixiao's own layouts first (the seed layout stays exact), and
 * when they refuse, through the table reader (grids of cells, tables recognised by their labels); PDF and old
 * binary Office files through the table reader only. Pure: touches no database.
 */
export async function parseDocumentFile(input: ParseInput): Promise<ParsedDocument> {
  const kind = detectDocumentKind(input.content, input.fileName);
  const parsed =
    kind === 'json' ? parseExchangeJson(textOf(input.content), input.fileName) : await readFile(kind, input);
  return withFiscalYear(parsed, input.fiscalYear, input.fileName);
}

function textOf(content: Uint8Array | string): string {
  return typeof content === 'string' ? content : decodeText(content);
}

async function readFile(kind: Exclude<DocumentKind, 'json'>, input: ParseInput): Promise<ParsedDocument> {
  if (kind === 'pdf' || kind === 'legacy') return readByTables(input, null);
  let strictError: AppError;
  try {
    const { document, notes } =
      kind === 'text'
        ? readSeedText(textOf(input.content), { fileName: input.fileName })
        : await readOfficeTargets(kind, input.content as Uint8Array, input.fileName);
    return cleaned({ kind: 'targets', document, notes, tables: [] });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'BAD_INPUT') throw error;
    // A Jixiao workbook (its sheets found) is Jixiao's to judge: another reader would only misread its sheets.
    if (kind === 'xlsx' && !NOT_OWN_LAYOUT.test(error.message)) throw error;
    // A stated code that breaks the code rules is refused where it was read, whatever the layout (decision 020).
    if (/(^|\.)code$/.test(error.location?.field ?? '')) throw error;
    strictError = error;
  }
  return readByTables(input, strictError);
}

/**
 * The table reader. When a strict reader refused the file first and the table reader refuses it too, the strict
 * reader's error is the clearer one if the file is in Jixiao's own layout (it names the line or cell and field).
 */
async function readByTables(input: ParseInput, strictError: AppError | null): Promise<ParsedDocument> {
  let file: GridFile;
  try {
    file = await readGrids(input.content, input.fileName);
  } catch (error) {
    throw strictError ?? error;
  }
  let reading: TablesReading;
  try {
    reading = readTables(file, input.fiscalYear === undefined ? {} : { fiscalYear: input.fiscalYear });
  } catch (error) {
    if (strictError && isAppError(error) && error.code === 'BAD_INPUT' && isOwnLayout(strictError, file)) {
      throw strictError;
    }
    throw error;
  }
  return validated(cleaned(fromReading(reading, input.fileName)), input.fileName);
}

/** The strict readers' refusals that mean "not this layout at all" (rather than an error inside it). */
const NOT_OWN_LAYOUT = /找不到单位编码：文档中没有项目绩效目标表|找不到工作表“/;

/**
 * Jixiao's own layout: the strict reader got past recognising it (it failed inside a project table or a sheet), or
 * the file names 单位编码 or has the Jixiao workbook's sheets 总体目标 / 指标明细.
 */
function isOwnLayout(strictError: AppError, file: GridFile): boolean {
  if (!NOT_OWN_LAYOUT.test(strictError.message)) return true;
  if (file.paragraphs.some((text) => text.includes('单位编码'))) return true;
  return file.grids.some(
    (grid) =>
      /工作表“(总体目标|指标明细)”/.test(grid.source) ||
      grid.rows.some((row) => row.some((cell) => cell.includes('单位编码'))),
  );
}

/** Targets first, then a 自评表, then a 监控表; a file holding several kinds gets a note on what was left out. */
function fromReading(reading: TablesReading, fileName: string): ParsedDocument {
  const base = { notes: reading.notes, tables: reading.tables };
  const found: ParsedDocument[] = [];
  if (reading.targets) found.push({ ...base, kind: 'targets', document: reading.targets });
  if (reading.evaluation) found.push({ ...base, kind: 'evaluation', document: reading.evaluation });
  if (reading.monitoring) found.push({ ...base, kind: 'monitoring', document: reading.monitoring });
  const [first, ...rest] = found;
  if (!first) {
    const headers = reading.tables.map((table) => table.headers.slice(0, 4).join('、')).filter((text) => text !== '');
    throw new AppError(
      'BAD_INPUT',
      `${fileName} 中没有识别出绩效表${headers.length ? `（表头：${headers.join('；')}）` : ''}`,
      {
        location: { file: fileName },
      },
    );
  }
  const leftOut: ImportNote[] = rest.map((other) => ({
    line: 0,
    code: 'tables-left-out',
    message: `文件中还有${KIND_NAMES[other.kind]}，本次只读取${KIND_NAMES[first.kind]}；请将其单独导入`,
  }));
  return { ...first, notes: [...first.notes, ...leftOut] };
}

const KIND_NAMES: Record<ParsedDocument['kind'], string> = {
  targets: '绩效目标表',
  evaluation: '绩效自评表',
  monitoring: '绩效监控表',
};

/** What a person's file (Word, Excel, text) holds is cleaned of invisible characters, with a note each. */
function cleaned(parsed: ParsedDocument): ParsedDocument {
  const result = cleanImportedText(parsed.document);
  return { ...parsed, document: result.document, notes: [...parsed.notes, ...result.notes] } as ParsedDocument;
}

const FORMATS = {
  'jixiao/targets@1': { kind: 'targets', schema: StatedTargetsSchema },
  'jixiao/evaluation@1': { kind: 'evaluation', schema: EvaluationDocumentSchema },
  'jixiao/monitoring@1': { kind: 'monitoring', schema: MonitoringDocumentSchema },
} as const;

function parseExchangeJson(text: string, fileName: string): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('BAD_INPUT', `不是有效的 JSON：${(error as Error).message}`, { location: { file: fileName } });
  }
  const stated = (data as { format?: unknown } | null)?.format;
  // A file without a known format is checked as targets, the format most files are: its errors say what is missing.
  const format =
    typeof stated === 'string' && stated in FORMATS ? (stated as keyof typeof FORMATS) : 'jixiao/targets@1';
  return { ...checkedAgainst(format, data, fileName), notes: [], tables: [] } as ParsedDocument;
}

/** What the table reader made is held to the exchange format too (names one line, codes by the rules…). */
function validated(parsed: ParsedDocument, fileName: string): ParsedDocument {
  return { ...parsed, ...checkedAgainst(parsed.document.format, parsed.document, fileName) } as ParsedDocument;
}

function checkedAgainst(format: keyof typeof FORMATS, data: unknown, fileName: string) {
  const { kind, schema } = FORMATS[format];
  const result = schema.safeParse(data);
  if (result.success) return { kind, document: result.data };
  const issues = zodIssues(result.error).map((issue) => ({ ...issue, file: fileName }));
  throw new AppError(
    'BAD_INPUT',
    `不符合 ${format} 格式：${issues[0]?.path?.join('.') ?? ''} ${issues[0]?.message ?? ''}`.trim(),
    { location: { file: fileName, path: issues[0]?.path }, issues },
  );
}

/** --year and a year stated in the document must agree. */
function withFiscalYear(parsed: ParsedDocument, year: number | undefined, fileName: string): ParsedDocument {
  if (year === undefined) return parsed;
  const stated = parsed.document.fiscalYear;
  if (stated !== undefined && stated !== year) {
    throw new AppError('BAD_INPUT', `文件写明的年度 ${stated} 与指定的年度 ${year} 不一致`, {
      location: { file: fileName, field: 'fiscalYear' },
    });
  }
  return { ...parsed, document: { ...parsed.document, fiscalYear: year } } as ParsedDocument;
}
