import { ImportPreviewSchema, ImportResultSchema, type ImportPreview, type ImportResult } from '../../contract/documents.ts';
import { ApiError, csrfHeaders, request } from '../http/client.ts';

const unitYear = (unitCode: string, year: number) => `/api/units/${encodeURIComponent(unitCode)}/years/${year}`;

export type DocumentFormat = 'docx' | 'pdf' | 'xlsx';
export type BulkFormat = DocumentFormat | 'json' | 'text';

export function documentUrl(unitCode: string, year: number, format: DocumentFormat): string {
  return `${unitYear(unitCode, year)}/export.${format}`;
}

export const TEMPLATE_URL = '/api/template.xlsx';

function upload(file: File): RequestInit {
  return { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } };
}

export async function previewImport(unitCode: string, year: number, file: File): Promise<ImportPreview> {
  const path = `${unitYear(unitCode, year)}/import/preview?fileName=${encodeURIComponent(file.name)}`;
  return (await request(ImportPreviewSchema, path, upload(file))).data;
}

export async function importFile(unitCode: string, year: number, file: File): Promise<ImportResult> {
  const path = `${unitYear(unitCode, year)}/import?fileName=${encodeURIComponent(file.name)}`;
  return (await request(ImportResultSchema, path, upload(file))).data;
}

export interface BulkProgress {
  units: number;
  bytes: number;
}

/**
 * Downloads the year's zip while counting what arrives: the server streams it (no Content-Length),
 * and says in X-Jixiao-Units how many units it holds. Resolves with the file and its name.
 */
export async function downloadBulk(year: number, format: BulkFormat, onProgress: (p: BulkProgress) => void): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(`/api/bureau/years/${year}/export.zip?format=${format}`, { credentials: 'same-origin', headers: csrfHeaders() });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? response.statusText);
  }
  const units = Number(response.headers.get('X-Jixiao-Units') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    onProgress({ units, bytes });
  }
  return { blob: new Blob(chunks, { type: 'application/zip' }), fileName: fileNameFrom(response.headers.get('Content-Disposition')) ?? `jixiao-${year}.zip` };
}

/** The RFC 5987 name (filename*=UTF-8''…) when present, else the plain one. */
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) return decodeURIComponent(extended[1]!);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
