import type { Readable } from 'node:stream';
import type { Db } from '../db/database.ts';
import { ZipStream } from '../documents/docx/zip-writer.ts';
import { finishJob, insertJob, updateJobProgress } from '../db/jobs.repo.ts';
import { listUnitsWithYears } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { safeFileName } from '../domain/file-names.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { getTargets } from './get-targets.ts';
import type { ExportFormat } from '../contract/documents.ts';
import { exportBaseName, renderTargets } from '../documents/targets-export.ts';
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
  /** The row in `jobs` that reports progress to any server (GET /api/jobs/:id). */
  jobId: string;
  /** The .zip, produced as it is read: one unit is rendered at a time, paced by the reader. */
  stream: Readable;
  /** Settles when the last entry has been handed to the zip (rejects when a unit fails). */
  done: Promise<void>;
}

/** Already-compressed formats are stored, not deflated again. */
const STORED: readonly ExportFormat[] = ['docx', 'xlsx', 'pdf'];

/** Progress goes to the database at most this often: every N units or after this long, whichever first. */
const JOB_UPDATE_EVERY_UNITS = 10;
const JOB_UPDATE_EVERY_MS = 500;

/**
 * Every unit of a year as one .zip of per-unit documents. Memory does not grow with the number of
 * units: units are loaded and rendered one by one (the next unit's read from the database overlaps the
 * current one's rendering, so at most two are in memory), and the next one is rendered only after the
 * previous entry has gone into the output, which is paced by whoever reads `stream`. The zip is
 * written by ZipStream, which keeps ~100 bytes per entry (yazl kept every entry's data until the end).
 * Progress is kept in the `jobs` table, batched, so another server can report it.
 */
export async function exportBulk(
  db: Db,
  input: {
    fiscalYear: number;
    format: ExportFormat;
    actor?: Actor | null;
    /** Only these units (still only those the actor may read); all by default. */
    unitCodes?: readonly string[];
    onProgress?: (progress: BulkProgress) => void;
  },
): Promise<BulkExport> {
  const only = input.unitCodes ? new Set(input.unitCodes) : null;
  const units = (input.actor ? await listUnits(db, input.actor) : await listUnitsWithYears(db.kysely)).filter(
    (unit) => unit.years.includes(input.fiscalYear) && (only === null || only.has(unit.code)),
  );
  if (units.length === 0) throw new AppError('NOT_FOUND', `${input.fiscalYear} 年没有可导出的单位绩效目标`);
  const actor = input.actor ?? null;
  const jobId = await insertJob(db.kysely, {
    kind: 'export-bulk',
    ownerId: actor && actor.userId !== 0 ? actor.userId : null,
    orgCode: actor?.orgCode ?? '',
    total: units.length,
  });
  const zip = new ZipStream();
  const stream = zip.stream;
  // A reader that goes away (a closed browser tab) ends the export instead of leaving it waiting for ever.
  const abandoned = new Promise<never>((_resolve, reject) => {
    stream.once('close', () => reject(new AppError('BAD_INPUT', '下载已中断：导出已停止')));
  });
  abandoned.catch(() => undefined);
  const codes = units.map((unit) => unit.code);
  const progress = throttledProgress(db, jobId);
  const done = (async () => {
    let next = load(db, codes[0]!, input.fiscalYear);
    for (const [index, unitCode] of codes.entries()) {
      const document = await next;
      if (index + 1 < codes.length) next = load(db, codes[index + 1]!, input.fiscalYear);
      const file = await renderTargets(document, input.fiscalYear, input.format);
      // Codes stored before they were validated (decision 020) still make a safe entry name.
      const name = `${safeFileName(unitCode, 'unit')}-${safeFileName(exportBaseName(document.unit.name, input.fiscalYear))}.${file.extension}`;
      await Promise.race([
        zip.add(name, Buffer.from(file.content), { compress: !STORED.includes(input.format) }),
        abandoned,
      ]);
      await progress(index + 1);
      input.onProgress?.({ done: index + 1, total: codes.length, unitCode });
    }
    await Promise.race([zip.end(), abandoned]);
    await finishJob(db.kysely, jobId, { state: 'succeeded', done: codes.length });
  })();
  done.catch(async (error: unknown) => {
    stream.destroy(error as Error);
    await finishJob(db.kysely, jobId, { state: 'failed', error: (error as Error).message }).catch(() => undefined);
  });
  return { total: units.length, jobId, stream, done };
}

function load(db: Db, unitCode: string, fiscalYear: number): Promise<TargetsDocument> {
  const loading = getTargets(db, { unitCode, fiscalYear }).then((read) => read.document);
  // Awaited by the loop a step later; a failure is seen there, not as an unhandled rejection meanwhile.
  loading.catch(() => undefined);
  return loading;
}

/** Writes `done` when JOB_UPDATE_EVERY_UNITS units or JOB_UPDATE_EVERY_MS have passed since the last write. */
function throttledProgress(db: Db, jobId: string): (done: number) => Promise<void> {
  let written = 0;
  let at = Date.now();
  return async (done) => {
    if (done - written < JOB_UPDATE_EVERY_UNITS && Date.now() - at < JOB_UPDATE_EVERY_MS) return;
    written = done;
    at = Date.now();
    await updateJobProgress(db.kysely, jobId, done);
  };
}
