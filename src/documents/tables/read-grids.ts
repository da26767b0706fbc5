import { extname } from 'node:path';
import { decodeText } from '../targets-file.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, assertFileSize } from '../zip-guard.ts';
import type { GridFile } from './grid.ts';
import { badInput } from './grid-cells.ts';
import { readTextGrids } from './grid-text.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [...'%PDF-'].map((ch) => ch.charCodeAt(0));
const OLD_OFFICE = /^\.(doc|xls|wps|et)$/;

/**
 * Any file into grids of cell texts, nothing interpreted yet (issue 15): Word and Excel by their zip content,
 * PDF by its header, old binary Office files through LibreOffice, anything else as text (UTF-8 or GB18030).
 * The Office and PDF readers load on first use, keeping exceljs and pdf.js out of every CLI start.
 */
export async function readGrids(content: Uint8Array | string, fileName: string): Promise<GridFile> {
  if (typeof content === 'string') return readTextGrids(content, fileName);
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  assertFileSize(buffer, DEFAULT_MAX_UPLOAD_BYTES, fileName);
  const extension = extname(fileName).toLowerCase();
  if (startsWith(buffer, ZIP_MAGIC)) return readOffice(buffer, fileName, officeKind(buffer, fileName));
  if (startsWith(buffer, PDF_MAGIC)) return (await import('./grid-pdf.ts')).readPdfGrids(buffer, fileName);
  if (startsWith(buffer, OLE_MAGIC) || OLD_OFFICE.test(extension)) {
    const to = oleKind(buffer, extension);
    const converted = await (await import('./libreoffice.ts')).convertWithLibreOffice(buffer, fileName, to);
    return readOffice(converted, fileName, to);
  }
  if (extension === '.docx' || extension === '.xlsx' || extension === '.pdf') {
    throw badInput(fileName, `扩展名是 ${extension}，但内容不是这种文件（文件可能已损坏）`);
  }
  return readTextGrids(decodeText(buffer), fileName);
}

async function readOffice(buffer: Buffer, fileName: string, kind: 'docx' | 'xlsx'): Promise<GridFile> {
  return kind === 'xlsx'
    ? (await import('./grid-xlsx.ts')).readXlsxGrids(buffer, fileName)
    : (await import('./grid-docx.ts')).readDocxGrids(buffer, fileName);
}

/** The central directory names the main part in plain bytes, so a renamed file is still recognised. */
function officeKind(buffer: Buffer, fileName: string): 'docx' | 'xlsx' {
  if (buffer.includes('xl/workbook.xml')) return 'xlsx';
  if (buffer.includes('word/document.xml')) return 'docx';
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx' || extension === '.docx') return extension === '.xlsx' ? 'xlsx' : 'docx';
  throw badInput(fileName, '是 zip 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件');
}

/** An OLE file holds a "WordDocument" stream (Word, WPS) or a "Workbook"/"Book" stream (Excel, ET). */
function oleKind(buffer: Buffer, extension: string): 'docx' | 'xlsx' {
  if (extension === '.xls' || extension === '.et') return 'xlsx';
  if (extension === '.doc' || extension === '.wps') return 'docx';
  if (buffer.includes(Buffer.from('WordDocument', 'utf16le'))) return 'docx';
  return buffer.includes(Buffer.from('Workbook', 'utf16le')) || buffer.includes(Buffer.from('Book', 'utf16le'))
    ? 'xlsx'
    : 'docx';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
