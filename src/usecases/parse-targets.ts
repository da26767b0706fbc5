import { extname } from 'node:path';
import { TargetsDocumentSchema } from '../contract/targets.ts';
import { AppError } from '../domain/errors.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { type ImportNote, readSeedText } from '../documents/seed-text/read-seed-text.ts';
import { zodIssues } from './zod-issues.ts';

export interface ParsedTargets {
  document: TargetsDocument;
  notes: ImportNote[];
}

/**
 * Reads a target document from a file's bytes: exchange JSON (.json) or the seed's text layout
 * (anything else). Pure: touches no database. Text that is not UTF-8 is read as GB18030, the
 * encoding Chinese Windows tools still write.
 */
export function parseTargets(input: { content: Uint8Array | string; fileName: string; fiscalYear?: number }): ParsedTargets {
  const text = typeof input.content === 'string' ? input.content : decodeText(input.content);
  const parsed = extname(input.fileName).toLowerCase() === '.json'
    ? { document: parseExchangeJson(text, input.fileName), notes: [] }
    : readSeedText(text, { fileName: input.fileName });
  return { ...parsed, document: withFiscalYear(parsed.document, input.fiscalYear, input.fileName) };
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
    throw new AppError('BAD_INPUT', `不符合 jixiao/targets@1 格式：${issues[0]?.path?.join('.') ?? ''} ${issues[0]?.message ?? ''}`.trim(), {
      location: { file: fileName, path: issues[0]?.path },
      issues,
    });
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
