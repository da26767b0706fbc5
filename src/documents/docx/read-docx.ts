import { AppError, isAppError } from '../../domain/errors.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { readSeedText } from '../seed-text/read-seed-text.ts';
import { parseXmlSafely } from '../xml-guard.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, assertFileSize, readZipSafely } from '../zip-guard.ts';
import { type XmlNode, attr, bodyOf, childrenOf, readBody, tagOf } from './docx-body.ts';
import { type Origin, placeOf, toSeedText } from './to-seed-text.ts';
import { fileProblem } from '../../domain/import-problems.ts';

export interface ReadDocxOptions {
  fileName: string;
  /** The document may not state its year; the caller may. A stated year must agree. */
  fiscalYear?: number;
  maxBytes?: number;
}

/** Something the reader noticed and worked around, placed in the .docx. */
export interface DocxImportNote {
  /** 1-based body element (paragraph or table, in order) it concerns: the closest a .docx has to a line. */
  line: number;
  /** "第 12 段" or "表 2，第 3 行，第 4 列". */
  place: string;
  code: string;
  message: string;
}

export interface DocxReadResult {
  document: TargetsDocument;
  notes: DocxImportNote[];
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads a .docx in the official layout (one Jixiao wrote, or one a person typed in Word or WPS) through the
 * seed-text reader, so that both apply the same rules and checks. Hostile files are refused by the zip and XML
 * guards; every reading error is BAD_INPUT naming the paragraph or table cell ("表 2，第 3 行，第 4 列").
 */
export async function readTargetsDocx(buffer: Buffer, options: ReadDocxOptions): Promise<DocxReadResult> {
  const { fileName } = options;
  assertFileSize(buffer, options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES, fileName);
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw fileProblem('old-word', `${fileName}：这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入`, {
      file: fileName,
    });
  }
  // Only the XML parts are read: pictures and embedded objects are never inflated.
  const files = await readZipSafely(buffer, {
    fileName,
    include: (name) => name.endsWith('.xml') || name.endsWith('.rels'),
  });
  const part = mainPart(files, fileName);
  const xml = files.get(part);
  if (!xml) throw fileProblem('not-word', `${fileName}：不是 Word 文档（缺少 ${part}）`, { file: fileName });
  const body = bodyOf(parseXmlSafely(xml, { fileName, part, parser: { preserveOrder: true } }) as XmlNode[]);
  if (!body)
    throw new AppError('BAD_INPUT', `${fileName}：${part} 中没有正文（w:body）`, {
      location: { file: fileName, field: part },
    });
  const view = toSeedText(readBody(body));
  try {
    const { document, notes } = readSeedText(view.text, {
      fileName,
      ...(options.fiscalYear === undefined ? {} : { fiscalYear: options.fiscalYear }),
    });
    return { document, notes: placeNotes(notes, view.origins) };
  } catch (error) {
    throw isAppError(error) ? placeError(error, view.origins, fileName) : error;
  }
}

/** The main document part named by the package relationships; Word and WPS both use word/document.xml. */
function mainPart(files: Map<string, Buffer>, fileName: string): string {
  const rels = files.get('_rels/.rels');
  if (!rels) return 'word/document.xml';
  const root = parseXmlSafely(rels, { fileName, part: '_rels/.rels', parser: { preserveOrder: true } }) as XmlNode[];
  const relationships = root.find((node) => tagOf(node) === 'Relationships');
  const main = childrenOf(relationships ?? {}).find((rel) => (attr(rel, 'Type') ?? '').endsWith('/officeDocument'));
  const target = main ? attr(main, 'Target') : undefined;
  return target ? target.replace(/^\//, '') : 'word/document.xml';
}

function originOf(origins: Origin[], line: number): Origin | undefined {
  return origins[line - 1];
}

/** Rewrites "第 N 行" (a line of the text view) as the paragraph or cell it came from. */
function placeText(text: string, origins: Origin[]): string {
  return text.replace(/第 (\d+) 行/g, (_, n: string) => placeOf(originOf(origins, Number(n))));
}

function placeError(error: AppError, origins: Origin[], fileName: string): AppError {
  if (error.location?.line === undefined) return error;
  const { line: _line, ...rest } = error.location;
  return new AppError(error.code, placeText(error.message, origins), {
    location: { ...rest, file: fileName },
    issues: error.issues.map((issue) => ({ ...issue, message: placeText(issue.message, origins) })),
  });
}

function placeNotes(notes: { line: number; code: string; message: string }[], origins: Origin[]): DocxImportNote[] {
  return notes.flatMap((note) => {
    const origin = originOf(origins, note.line);
    // An empty 一级/二级 cell that Word merged vertically is the layout working as intended, not a gap to report.
    if (note.code === 'merged-cell-filled' && origin?.kind === 'cell' && origin.merged) return [];
    const block = origin && origin.kind !== 'none' ? origin.block : 0;
    return [{ line: block, place: placeOf(origin), code: note.code, message: `${placeOf(origin)}：${note.message}` }];
  });
}
