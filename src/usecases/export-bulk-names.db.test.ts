import { buffer as readAll } from 'node:stream/consumers';
import { beforeAll, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { upsertUnitDocument } from '../db/documents.repo.ts';
import { readZipSafely } from '../documents/zip-guard.ts';
import { exportBulk } from './export-bulk.ts';
import { renderTargets } from '../documents/targets-export.ts';
import { getTargets } from './get-targets.ts';

/**
 * Decision 020, defence in depth: rows whose codes and names were stored before codes were
 * validated (written here straight through the repository) still give safe zip entry names and
 * download names.
 */
const LEGACY = [
  { code: '../../etc/passwd', name: '恶意单位' },
  { code: 'a\\b\u202eexe', name: '../名称/含\u200b路径' },
  { code: '.hidden', name: 'C:\\Windows\\"x"' },
];

describeEachEngine('bulk export of legacy codes', (getDb) => {
  beforeAll(async () => {
    await clearDatabase(getDb());
    for (const unit of LEGACY) {
      await upsertUnitDocument(getDb().kysely, { unit, fiscalYear: 2020, overall: { goals: [], measures: [] } });
    }
  });

  it('writes one safely named entry per unit: no separator, "..", bidi or zero-width character, no leading dot', async () => {
    const bulk = await exportBulk(getDb(), { fiscalYear: 2020, format: 'json' });
    const [zip] = await Promise.all([readAll(bulk.stream), bulk.done]);
    const names = [...(await readZipSafely(zip, { fileName: 'bulk.zip' })).keys()];
    expect(names).toHaveLength(LEGACY.length);
    for (const name of names) {
      expect(name).not.toMatch(/[\\/:"\u202a-\u202e\u200b-\u200f]|\.\.|^\./u);
      expect(name).toMatch(/2020年绩效目标\.json$/);
    }
  });

  it('gives a single download a safe name as well', async () => {
    const { document } = await getTargets(getDb(), { unitCode: LEGACY[1]!.code, fiscalYear: 2020 });
    const file = await renderTargets(document, 2020, 'json');
    expect(file.fileName).toBe('__名称_含_路径2020年绩效目标.json');
  });
});
