import { PassThrough, Readable } from 'node:stream';
import yazl from 'yazl';
import type { Db } from '../db/database.ts';
import { listUnitsWithYears } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { getTargets } from './get-targets.ts';
import { type ExportFormat, exportBaseName, renderTargets } from './export-targets.ts';
import { listUnits } from './list-units.ts';

export interface BulkProgress {
  /** Units written so far (this one included). */
  done: number;
  total: number;
  unitCode: string;
}

export interface BulkExport {
  /** Units that have targets for the year (and that the actor may read): the zip's entry count. */
  total: number;
  /** The .zip, produced as it is read: one unit is rendered at a time, paced by the reader. */
  stream: Readable;
  /** Settles when the last entry has been handed to the zip (rejects when a unit fails). */
  done: Promise<void>;
}

/** Already-compressed formats are stored, not deflated again. */
const STORED: readonly ExportFormat[] = ['docx', 'xlsx', 'pdf'];

/**
 * Every unit of a year as one .zip of per-unit documents. Memory does not grow with the number of
 * units: units are loaded and rendered one by one, and the next one starts only after the previous
 * entry has gone through the zip into the output, which is paced by whoever reads `stream`.
 */
export async function exportBulk(
  db: Db,
  input: { fiscalYear: number; format: ExportFormat; actor?: Actor | null; onProgress?: (progress: BulkProgress) => void },
): Promise<BulkExport> {
  const units = (input.actor ? await listUnits(db, input.actor) : await listUnitsWithYears(db.kysely))
    .filter((unit) => unit.years.includes(input.fiscalYear));
  if (units.length === 0) throw new AppError('NOT_FOUND', `${input.fiscalYear} 年没有可导出的单位绩效目标`);
  const zip = new yazl.ZipFile();
  const stream = new PassThrough();
  zip.outputStream.pipe(stream);
  const done = (async () => {
    for (const [index, unit] of units.entries()) {
      const { document } = await getTargets(db, { unitCode: unit.code, fiscalYear: input.fiscalYear });
      const file = await renderTargets(document, input.fiscalYear, input.format);
      const name = `${unit.code}-${safeName(exportBaseName(document.unit.name, input.fiscalYear))}.${file.extension}`;
      await addEntry(zip, Buffer.from(file.content), name, !STORED.includes(input.format));
      input.onProgress?.({ done: index + 1, total: units.length, unitCode: unit.code });
    }
    zip.end();
  })();
  done.catch((error: unknown) => stream.destroy(error as Error));
  return { total: units.length, stream, done };
}

const CHUNK = 64 * 1024;

/**
 * Resolves once yazl has read the whole entry. The data goes in 64 KB chunks, so the pipe's backpressure
 * holds the source (and with it the loop) while the reader of the zip is behind.
 */
function addEntry(zip: yazl.ZipFile, data: Buffer, name: string, compress: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    for (let at = 0; at < data.length; at += CHUNK) chunks.push(data.subarray(at, at + CHUNK));
    const source = Readable.from(chunks, { objectMode: false });
    source.once('end', resolve);
    source.once('error', reject);
    zip.addReadStream(source, name, { compress, size: data.length, mtime: new Date() });
  });
}

/** Unit names go into file names: no path separators or characters Windows refuses. */
function safeName(text: string): string {
  return [...text].map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
}
