import { extname } from 'node:path';
import { TargetsDocumentSchema } from '../contract/targets.ts';
import { AppError } from '../domain/errors.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { type ImportNote, readSeedText } from '../documents/seed-text/read-seed-text.ts';
import { cleanImportedText } from './clean-imported-text.ts';
import { zodIssues } from './zod-issues.ts';

export interface ParsedTargets {
  document: TargetsDocument;
  notes: ImportNote[];
}

export interface ParseInput {
  content: Uint8Array | string;
  fileName: string;
  fiscalYear?: number;
}

export type DocumentKind = 'json' | 'text' | 'docx' | 'xlsx';

/**
 * Reads a target document from a file's bytes, whatever its format: exchange JSON, the seed's text
 * layout, a Word document in the official layout or a Jixiao Excel workbook. Pure: touches no database.
 */
export async function parseTargetsFile(input: ParseInput): Promise<ParsedTargets> {
  const kind = detectDocumentKind(input.content, input.fileName);
  if (kind === 'json' || kind === 'text') return parseTargets(input);
  const buffer = Buffer.from(input.content as Uint8Array);
  // The Office readers load on first use, keeping exceljs out of every CLI start.
  const parsed =
    kind === 'xlsx'
      ? await (await import('../documents/xlsx/index.ts')).readTargetsXlsx(buffer, { fileName: input.fileName })
      : await (await import('../documents/docx/index.ts')).readTargetsDocx(buffer, { fileName: input.fileName });
  return withCleanText({ ...parsed, document: withFiscalYear(parsed.document, input.fiscalYear, input.fileName) });
}

/**
 * The text formats only, synchronously: exchange JSON (.json) or the seed's text layout (anything
 * else). Text that is not UTF-8 is read as GB18030, the encoding Chinese Windows tools still write.
 */
export function parseTargets(input: ParseInput): ParsedTargets {
  const kind = detectDocumentKind(input.content, input.fileName);
  if (kind === 'docx' || kind === 'xlsx') {
    throw new AppError(
      'BAD_INPUT',
      `${input.fileName} 是 ${kind === 'xlsx' ? 'Excel' : 'Word'} 文件，此处只接受文本或 JSON`,
      { location: { file: input.fileName } },
    );
  }
  const text = typeof input.content === 'string' ? input.content : decodeText(input.content);
  const parsed =
    kind === 'json'
      ? { document: parseExchangeJson(text, input.fileName), notes: [] }
      : withCleanText(readSeedText(text, { fileName: input.fileName }));
  return { ...parsed, document: withFiscalYear(parsed.document, input.fiscalYear, input.fileName) };
}

/** What a person's file (Word, Excel, text) holds is cleaned of invisible characters, with a note each. */
function withCleanText<T extends ParsedTargets>(parsed: T): T {
  const cleaned = cleanImportedText(parsed.document);
  return { ...parsed, document: cleaned.document, notes: [...parsed.notes, ...cleaned.notes] };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * By content first, then by name: an Office file is a zip whose central directory names its main part
 * (xl/workbook.xml or word/document.xml) in plain bytes, so a renamed file is still recognised. A file
 * named .xlsx/.docx that is not a zip, and the old binary .xls/.doc, are refused with what to do.
 */
export function detectDocumentKind(content: Uint8Array | string, fileName: string): DocumentKind {
  const extension = extname(fileName).toLowerCase();
  const bytes = typeof content === 'string' ? null : content;
  if (bytes && startsWith(bytes, ZIP_MAGIC)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.includes('xl/workbook.xml')) return 'xlsx';
    if (buffer.includes('word/document.xml')) return 'docx';
    if (extension === '.xlsx' || extension === '.docx') return extension === '.xlsx' ? 'xlsx' : 'docx';
    throw new AppError('BAD_INPUT', `${fileName} 是 zip 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件`, {
      location: { file: fileName },
    });
  }
  if (bytes && startsWith(bytes, OLE_MAGIC)) {
    throw new AppError(
      'BAD_INPUT',
      `${fileName} 是旧版 Office 文件（.doc/.xls），请在 Word/Excel/WPS 中另存为 .docx 或 .xlsx 后再导入`,
      { location: { file: fileName } },
    );
  }
  if (extension === '.xlsx' || extension === '.docx') {
    throw new AppError(
      'BAD_INPUT',
      `${fileName} 的扩展名是 ${extension}，但内容不是 ${extension === '.xlsx' ? 'Excel' : 'Word'} 文件（文件可能已损坏）`,
      { location: { file: fileName } },
    );
  }
  return extension === '.json' ? 'json' : 'text';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function parseExchangeJson(text: string, fileName: string): TargetsDocument {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('BAD_INPUT', `不是有效的 JSON：${(error as Error).message}`, { location: { file: fileName } });
  }
  const result = TargetsDocumentSchema.safeParse(data);
  if (!result.success) {
    const issues = zodIssues(result.error).map((issue) => ({ ...issue, file: fileName }));
    throw new AppError(
      'BAD_INPUT',
      `不符合 jixiao/targets@1 格式：${issues[0]?.path?.join('.') ?? ''} ${issues[0]?.message ?? ''}`.trim(),
      {
        location: { file: fileName, path: issues[0]?.path },
        issues,
      },
    );
  }
  return result.data;
}

/** --year and a year stated in the document must agree. */
function withFiscalYear(document: TargetsDocument, year: number | undefined, fileName: string): TargetsDocument {
  if (year === undefined) return document;
  if (document.fiscalYear !== undefined && document.fiscalYear !== year) {
    throw new AppError('BAD_INPUT', `文件写明的年度 ${document.fiscalYear} 与指定的年度 ${year} 不一致`, {
      location: { file: fileName, field: 'fiscalYear' },
    });
  }
  return { ...document, fiscalYear: year };
}
