import { TargetsDocumentSchema } from '../contract/targets.ts';
import { AppError } from '../domain/errors.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import type { ImportNote } from '../domain/import-note.ts';
import { readSeedText } from '../documents/seed-text/read-seed-text.ts';
import { decodeText, detectDocumentKind, readOfficeTargets } from '../documents/targets-file.ts';
import { cleanImportedText } from './clean-imported-text.ts';
import { zodIssues } from '../contract/validate-input.ts';

export interface ParsedTargets {
  document: TargetsDocument;
  notes: ImportNote[];
}

interface ParseInput {
  content: Uint8Array | string;
  fileName: string;
  fiscalYear?: number;
}

/**
 * Reads a target document from a file's bytes, whatever its format: exchange JSON, the seed's text
 * layout, a Word document in the official layout or a Jixiao Excel workbook. Pure: touches no database.
 */
export async function parseTargetsFile(input: ParseInput): Promise<ParsedTargets> {
  const kind = detectDocumentKind(input.content, input.fileName);
  if (kind === 'json' || kind === 'text') return parseText(input, kind);
  const parsed = await readOfficeTargets(kind, input.content as Uint8Array, input.fileName);
  return withCleanText({ ...parsed, document: withFiscalYear(parsed.document, input.fiscalYear, input.fileName) });
}

/**
 * The text formats: exchange JSON (.json) or the seed's text layout (anything else). Text that is
 * not UTF-8 is read as GB18030, the encoding Chinese Windows tools still write.
 */
function parseText(input: ParseInput, kind: 'json' | 'text'): ParsedTargets {
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
