import { AppError } from '../errors.ts';
import { safeFileName } from '../file-names.ts';

/**
 * 证明材料 (evidence files of a 自评表, decision 035): PDF, PNG/JPEG images and Office files
 * (.docx/.xlsx, and the old .doc/.xls). The type is read from the file's first bytes, never from its
 * name: a renamed executable is refused. The name only chooses between the formats that share a
 * container (a zip is .docx or .xlsx; an OLE compound file is .doc or .xls).
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 20;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** The media type of an accepted evidence file and its safe name, or a VALIDATION error saying why not. */
export function checkEvidence(bytes: Uint8Array, fileName: string): { mediaType: string; fileName: string } {
  const name = safeFileName(fileName, 'evidence');
  if (bytes.length === 0)
    throw new AppError('VALIDATION', `证明材料“${name}”是空文件`, { location: { field: 'file' } });
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    throw new AppError(
      'VALIDATION',
      `证明材料“${name}”过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），单个文件不能超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`,
      { location: { field: 'file' } },
    );
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const mediaType = sniff(bytes, extension);
  if (mediaType === null) {
    throw new AppError(
      'VALIDATION',
      `证明材料“${name}”的文件类型不受支持：只接受 PDF、PNG/JPEG 图片和 Word/Excel 文件（按文件内容判断，不看扩展名）`,
      { location: { field: 'file' } },
    );
  }
  return { mediaType, fileName: name };
}

function sniff(bytes: Uint8Array, extension: string): string | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP)) return officeZip(bytes, extension);
  if (startsWith(bytes, OLE)) return extension === 'doc' || extension === 'xls' ? OFFICE[extension]! : null;
  return null;
}

/** A zip is an Office file only when it holds the part that format needs (any other zip is refused). */
function officeZip(bytes: Uint8Array, extension: string): string | null {
  const names = new TextDecoder('latin1').decode(bytes);
  if (!names.includes('[Content_Types].xml')) return null;
  if (extension === 'docx' && names.includes('word/')) return OFFICE.docx!;
  if (extension === 'xlsx' && names.includes('xl/')) return OFFICE.xlsx!;
  return null;
}
