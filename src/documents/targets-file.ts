import { extname } from 'node:path';
import { AppError } from '../domain/errors.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import type { ImportNote } from '../domain/import-note.ts';

/**
 * What a target file is, by its content first: exchange JSON, text, Word or Excel, PDF, or an old binary Office
 * file (.doc/.xls, and WPS's .wps/.et, all OLE compound files) that the table reader converts through LibreOffice.
 */
export type DocumentKind = 'json' | 'text' | 'docx' | 'xlsx' | 'pdf' | 'legacy';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [...'%PDF-'].map((c) => c.charCodeAt(0));

/**
 * By content first, then by name: an Office file is a zip whose central directory names its main part
 * (xl/workbook.xml or word/document.xml) in plain bytes, so a renamed file is still recognised; PDF and OLE
 * files by their magic bytes. A file named .xlsx/.docx/.pdf that is none of these is refused with what to do.
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
  if (bytes && startsWith(bytes, OLE_MAGIC)) return 'legacy';
  if (bytes && startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (extension === '.pdf') {
    throw new AppError('BAD_INPUT', `${fileName} 的扩展名是 .pdf，但内容不是 PDF 文件（文件可能已损坏）`, {
      location: { file: fileName },
    });
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

/** UTF-8, or GB18030 (what Chinese Windows tools still write) when the bytes are not UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A Word or Excel target file read into a document; the readers load on first use, keeping exceljs out of every CLI start. */
export async function readOfficeTargets(
  kind: 'docx' | 'xlsx',
  content: Uint8Array,
  fileName: string,
): Promise<{ document: TargetsDocument; notes: ImportNote[] }> {
  const buffer = Buffer.from(content);
  return kind === 'xlsx'
    ? (await import('./xlsx/index.ts')).readTargetsXlsx(buffer, { fileName })
    : (await import('./docx/index.ts')).readTargetsDocx(buffer, { fileName });
}
