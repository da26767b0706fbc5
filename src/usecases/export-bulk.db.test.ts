import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { findJob } from '../db/jobs.repo.ts';
import { readTargetsXlsx } from '../documents/xlsx/index.ts';
import { type BulkProgress, exportBulk } from './export-bulk.ts';
import { importTargets } from './import-targets.ts';

const UNITS = 50;
const code = (i: number) => `9${String(i).padStart(5, '0')}`;

function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

describeEachEngine('exportBulk', (getDb) => {
  beforeAll(async () => {
    await clearDatabase(getDb());
    for (let i = 1; i <= UNITS; i++) {
      await importTargets(getDb(), SYSTEM_ACTOR, {
        document: documentForUnit(code(i), `测试单位${i}`),
        fiscalYear: 2020,
      });
    }
  }, 120_000);

  it('streams one entry per unit, paced by the reader of the zip', { timeout: 120_000 }, async () => {
    const progress: BulkProgress[] = [];
    const bulk = await exportBulk(getDb(), { fiscalYear: 2020, format: 'xlsx', onProgress: (p) => progress.push(p) });
    expect(bulk.total).toBe(UNITS);
    // Nobody reads yet: the producer must stop after the few entries the stream buffers hold.
    await sleep(1500);
    const unreadProgress = progress.length;
    expect(unreadProgress).toBeLessThan(10);
    // The job row says so too: running, and (batched per 10 units or 500 ms) not ahead of what was written.
    const paused = await findJob(getDb().kysely, bulk.jobId);
    expect(paused).toMatchObject({ kind: 'export-bulk', state: 'running', total: UNITS, ownerId: null });
    expect(paused!.done).toBeLessThanOrEqual(unreadProgress);

    const chunks: Buffer[] = [];
    for await (const chunk of bulk.stream) chunks.push(chunk as Buffer);
    await bulk.done;
    expect(progress.at(-1)).toEqual({ done: UNITS, total: UNITS, unitCode: code(UNITS) });
    expect(await findJob(getDb().kysely, bulk.jobId)).toMatchObject({
      state: 'succeeded',
      done: UNITS,
      total: UNITS,
      error: null,
    });

    const files = await readZip(Buffer.concat(chunks));
    expect([...files.keys()]).toEqual(
      Array.from({ length: UNITS }, (_, i) => `${code(i + 1)}-测试单位${i + 1}2020年绩效目标.xlsx`),
    );
    const last = await readTargetsXlsx(files.get(`${code(UNITS)}-测试单位${UNITS}2020年绩效目标.xlsx`)!, {
      fileName: 'last.xlsx',
    });
    expect(last.document).toEqual({ ...documentForUnit(code(UNITS), `测试单位${UNITS}`), fiscalYear: 2020 });
  });

  it('marks the job failed, with the reason, when a unit cannot be read half-way', { timeout: 60_000 }, async () => {
    const bulk = await exportBulk(getDb(), { fiscalYear: 2020, format: 'json' });
    // The last unit's targets go away while the zip is being written: the export stops and says why.
    await getDb()
      .kysely.deleteFrom('target_documents')
      .where('unit_id', 'in', getDb().kysely.selectFrom('units').select('id').where('code', '=', code(UNITS)))
      .execute();
    const reading = (async () => {
      for await (const _chunk of bulk.stream) {
        /* drain */
      }
    })();
    await expect(bulk.done).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await reading.catch(() => undefined);
    await sleep(100);
    const job = await findJob(getDb().kysely, bulk.jobId);
    expect(job).toMatchObject({ state: 'failed', total: UNITS });
    expect(job!.error).toContain(code(UNITS));
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit(code(UNITS), `测试单位${UNITS}`),
      fiscalYear: 2020,
    });
  });

  it('stops and marks the job failed when the reader goes away', { timeout: 60_000 }, async () => {
    const bulk = await exportBulk(getDb(), { fiscalYear: 2020, format: 'xlsx' });
    await sleep(300);
    bulk.stream.destroy();
    await expect(bulk.done).rejects.toMatchObject({ message: expect.stringContaining('下载已中断') });
    await sleep(100);
    expect(await findJob(getDb().kysely, bulk.jobId)).toMatchObject({ state: 'failed' });
  });

  it('says so when no unit has targets for the year', async () => {
    await expect(exportBulk(getDb(), { fiscalYear: 2031, format: 'json' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
