import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../db/audit.repo.ts';
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
      await importTargets(getDb(), SYSTEM_ACTOR, { document: documentForUnit(code(i), `测试单位${i}`), fiscalYear: 2020 });
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

    const chunks: Buffer[] = [];
    for await (const chunk of bulk.stream) chunks.push(chunk as Buffer);
    await bulk.done;
    expect(progress.at(-1)).toEqual({ done: UNITS, total: UNITS, unitCode: code(UNITS) });

    const files = await readZip(Buffer.concat(chunks));
    expect([...files.keys()]).toEqual(Array.from({ length: UNITS }, (_, i) => `${code(i + 1)}-测试单位${i + 1}2020年绩效目标.xlsx`));
    const last = await readTargetsXlsx(files.get(`${code(UNITS)}-测试单位${UNITS}2020年绩效目标.xlsx`)!, { fileName: 'last.xlsx' });
    expect(last.document).toEqual({ ...documentForUnit(code(UNITS), `测试单位${UNITS}`), fiscalYear: 2020 });
  });

  it('says so when no unit has targets for the year', async () => {
    await expect(exportBulk(getDb(), { fiscalYear: 2031, format: 'json' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
