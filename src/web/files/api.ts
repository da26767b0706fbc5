import {
  ImportPreviewSchema,
  ImportResultSchema,
  type ImportPreview,
  type ImportResult,
} from '../../contract/documents.ts';
import { JOB_HEADER, JobSchema, type JobView } from '../../contract/jobs.ts';
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
  /** Units written into the zip so far, from the job the server keeps in the database (GET /api/jobs/:id). */
  written: number;
}

async function fetchJob(jobId: string): Promise<JobView> {
  return (await request(JobSchema, `/api/jobs/${encodeURIComponent(jobId)}`)).data;
}

/** While the zip streams, the job's progress is asked for this often. */
const JOB_POLL_MS = 1000;

/**
 * Downloads the year's zip while counting what arrives: the server streams it (no Content-Length),
 * says in X-Jixiao-Units how many units it holds and in X-Jixiao-Job which job reports how many are
 * written, which is polled every second meanwhile. Resolves with the file and its name.
 */
export async function downloadBulk(
  year: number,
  format: BulkFormat,
  onProgress: (p: BulkProgress) => void,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(`/api/bureau/years/${year}/export.zip?format=${format}`, {
    credentials: 'same-origin',
    headers: csrfHeaders(),
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? response.statusText,
    );
  }
  const progress: BulkProgress = { units: Number(response.headers.get('X-Jixiao-Units') ?? 0), bytes: 0, written: 0 };
  const stopPolling = pollJob(response.headers.get(JOB_HEADER), (written) => {
    progress.written = Math.max(progress.written, written);
    onProgress({ ...progress });
  });
  try {
    const reader = response.body.getReader();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.bytes += value.length;
      onProgress({ ...progress });
    }
    return {
      blob: new Blob(chunks, { type: 'application/zip' }),
      fileName: fileNameFrom(response.headers.get('Content-Disposition')) ?? `jixiao-${year}.zip`,
    };
  } finally {
    stopPolling();
  }
}

/** Polls the job every JOB_POLL_MS until stopped; a failed poll is skipped (the download itself reports errors). */
function pollJob(jobId: string | null, onWritten: (written: number) => void): () => void {
  if (!jobId) return () => undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const job = await fetchJob(jobId);
      if (!stopped) onWritten(job.done);
    } catch {
      // The next tick tries again.
    }
    if (!stopped) timer = setTimeout(() => void tick(), JOB_POLL_MS);
  };
  timer = setTimeout(() => void tick(), JOB_POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
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
