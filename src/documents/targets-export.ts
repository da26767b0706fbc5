import { safeFileName } from '../domain/file-names.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { renderDocument } from './render/render-pool.ts';
import { writeSeedText } from './seed-text/write-seed-text.ts';

/** The formats a target document is written in (the contract's EXPORT_FORMATS: the use-case passes one). */
export type TargetsFormat = 'json' | 'text' | 'docx' | 'pdf' | 'xlsx';

/** A written file, as a download or `jixiao export` hands it over. */
export interface ExportedFile {
  content: string | Buffer;
  contentType: string;
  extension: string;
  /** A Chinese file name a person recognises: "秦皇岛市山海关区总工会2020年绩效目标.txt". */
  fileName: string;
}

export const CONTENT_TYPES: Record<TargetsFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  text: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
};

/** A loaded document in one format; pure apart from the format writers (bulk export calls it per unit). */
export async function renderTargets(
  document: TargetsDocument,
  fiscalYear: number,
  format: TargetsFormat,
): Promise<ExportedFile> {
  const { contentType, extension } = CONTENT_TYPES[format];
  const fileName = `${safeFileName(exportBaseName(document.unit.name, fiscalYear))}.${extension}`;
  return { content: await renderContent(document, format), contentType, extension, fileName };
}

/**
 * A loaded document in a province's form from the layout registry (issue 15), as Word or Excel; the file name says
 * which form ("…2024年绩效目标（四川一体化）.docx"). The caller has checked that `layout` is printable.
 */
export async function renderLayout(
  document: TargetsDocument,
  fiscalYear: number,
  format: 'docx' | 'xlsx',
  layout: { id: string; name: string },
): Promise<ExportedFile> {
  const { contentType, extension } = CONTENT_TYPES[format];
  const fileName = `${safeFileName(`${exportBaseName(document.unit.name, fiscalYear)}（${layout.name}）`)}.${extension}`;
  const content = await renderDocument({
    kind: 'layout',
    format,
    layout: layout.id,
    document: { ...document, fiscalYear },
  });
  return { content, contentType, extension, fileName };
}

export function exportBaseName(unitName: string, fiscalYear: number): string {
  return `${unitName}${fiscalYear}年绩效目标`;
}

/** Text formats here; the Office and PDF writers in a render thread when the server opened the pool (decision 022). */
async function renderContent(document: TargetsDocument, format: TargetsFormat): Promise<string | Buffer> {
  switch (format) {
    case 'text':
      return writeSeedText(document);
    case 'json':
      return `${JSON.stringify(document, null, 2)}\n`;
    case 'docx':
    case 'xlsx':
    case 'pdf':
      return renderDocument({ kind: 'targets', format, document });
  }
}
