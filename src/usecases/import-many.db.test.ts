import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import yazl from 'yazl';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { SEED_FILE } from '../../test/cli.ts';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit, sampleProject } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { getTargets } from './get-targets.ts';
import { openDocumentSource } from '../documents/sources/document-source.ts';
import { importMany } from './import-many.ts';
import { importTargets } from './import-targets.ts';

function unitDocument(code: string, projects = 2): TargetsDocument {
  const document = documentForUnit(code, `单位 ${code}`);
  document.projects = Array.from({ length: projects }, (_, i) => sampleProject(`${code}-${i + 1}`));
  return document;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-import-many-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const path = join(dir, name);
  await mkdir(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(path, file), text);
  return path;
}

async function zipOf(name: string, files: Record<string, string>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [file, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), file);
  zip.end();
  const path = join(dir, name);
  const out = zip.outputStream.pipe(createWriteStream(path));
  await once(out, 'finish');
  return path;
}

describeEachEngine('importMany', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  it('stores a directory of JSON and seed-text files, using --year for files that state none', async () => {
    const path = await folder(`dir-${getDb().engine}`, {
      'a.json': JSON.stringify(unitDocument('810001', 3)),
      'b.json': JSON.stringify({ ...unitDocument('810002', 1), fiscalYear: 2020 }),
      'notes.md': 'not a target file: skipped',
    });
    await copyFile(SEED_FILE, join(path, 'seed.txt'));
    const progress: string[] = [];
    const result = await importMany(getDb(), SYSTEM_ACTOR, path, {
      fiscalYear: 2020,
      onProgress: (phase, done, total) => progress.push(`${phase} ${done}/${total}`),
    });
    // 3 + 1 sample projects of 2 indicators each, and the seed's 4 projects with 12 indicators.
    expect(result).toEqual({ documents: 3, projects: 8, indicators: 20, replaced: 0 });
    expect(progress).toEqual(['check 1/3', 'check 2/3', 'check 3/3', 'store 1/3', 'store 2/3', 'store 3/3']);
    const stored = await getTargets(getDb(), { unitCode: '810001', fiscalYear: 2020 });
    expect(stored.document).toStrictEqual({ ...unitDocument('810001', 3), fiscalYear: 2020 });
    expect((await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 })).document.projects).toHaveLength(4);
  });

  it('reads an NDJSON file line by line and a zip entry by entry, replacing unit-years already stored', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: unitDocument('820001', 5), fiscalYear: 2021 });
    const lines = ['820001', '820002'].map((code) => JSON.stringify({ ...unitDocument(code), fiscalYear: 2021 }));
    const ndjson = join(dir, `units-${getDb().engine}.ndjson`);
    await writeFile(ndjson, `\uFEFF${lines[0]}\r\n\r\n${lines[1]}\n`);
    expect(await importMany(getDb(), SYSTEM_ACTOR, ndjson)).toEqual({
      documents: 2,
      projects: 4,
      indicators: 8,
      replaced: 1,
    });

    const zip = await zipOf(`units-${getDb().engine}.zip`, {
      'city/820003.json': JSON.stringify(unitDocument('820003')),
      '__MACOSX/city/._820003.json': 'resource fork: skipped',
      'city/readme.md': 'skipped',
    });
    expect((await openDocumentSource(zip)).count).toBe(3);
    expect(await importMany(getDb(), SYSTEM_ACTOR, zip, { fiscalYear: 2021 })).toMatchObject({
      documents: 1,
      projects: 2,
    });
    expect((await countRows(getDb())).units).toBe(3);
  });

  it('lists every problem with its file, line and path, and stores nothing', async () => {
    const broken = unitDocument('830002') as unknown as { projects: { budget: { total: string } }[] };
    broken.projects[1]!.budget.total = '12.3';
    const ndjson = join(dir, `broken-${getDb().engine}.ndjson`);
    await writeFile(
      ndjson,
      [
        JSON.stringify(unitDocument('830001')),
        JSON.stringify(broken),
        '{not json',
        JSON.stringify({ ...unitDocument('830001'), fiscalYear: 2020 }),
        JSON.stringify({ ...unitDocument('830003'), fiscalYear: 2019 }),
      ].join('\n'),
    );
    const error = await expectAppError(importMany(getDb(), SYSTEM_ACTOR, ndjson, { fiscalYear: 2020 }), 'BAD_INPUT');
    const file = `broken-${getDb().engine}.ndjson`;
    expect(error.message).toContain('5 个文档中有 4 个有问题，未导入任何内容');
    expect(error.issues.map(({ file: f, line, path }) => [f, line, path])).toEqual([
      [file, 2, ['projects', 1, 'budget', 'total']],
      [file, 3, undefined],
      [file, 4, ['unit', 'code']],
      [file, 5, undefined],
    ]);
    expect(error.issues[2]!.message).toContain(`已在 ${file} 第 1 行 中给出`);
    expect(await countRows(getDb())).toMatchObject({ units: 0, projects: 0 });
  });

  it('refuses targets under review (LOCKED) in the check pass, before anything is stored', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: unitDocument('840002'), fiscalYear: 2020 });
    const { id } = await getDb().kysely.selectFrom('target_documents').select('id').executeTakeFirstOrThrow();
    await getDb()
      .kysely.insertInto('target_workflows')
      .values({ document_id: id, state: 'approved', version: 4 })
      .execute();
    const path = await folder(`locked-${getDb().engine}`, {
      '1.json': JSON.stringify(unitDocument('840001')),
      '2.json': JSON.stringify(unitDocument('840002', 4)),
    });
    const error = await expectAppError(importMany(getDb(), SYSTEM_ACTOR, path, { fiscalYear: 2020 }), 'LOCKED');
    expect(error.issues).toEqual([
      expect.objectContaining({ file: '2.json', message: expect.stringContaining('840002 2020 年度：绩效目标已批复') }),
    ]);
    expect(await countRows(getDb())).toMatchObject({ units: 1, projects: 2 });
  });

  it('refuses a source without any target document', async () => {
    const path = await folder(`empty-${getDb().engine}`, { 'readme.md': 'no targets here' });
    const error = await expectAppError(importMany(getDb(), SYSTEM_ACTOR, path), 'BAD_INPUT');
    expect(error.message).toContain('没有可导入的文档');
  });

  // NUL was the database's refusal in the store pass; since decision 021 the schema refuses it in the
  // check pass, before any store (the database's own refusal: import-targets.db.test.ts, storeUnchecked).
  it('keeps all or nothing when one document holds text the database cannot store (NUL)', async () => {
    const poisoned = unitDocument('850002');
    poisoned.projects[0]!.purpose = 'bad\u0000byte';
    const path = await folder(`poison-${getDb().engine}`, {
      '1.json': JSON.stringify(unitDocument('850001')),
      '2.json': JSON.stringify(poisoned),
    });
    await expect(importMany(getDb(), SYSTEM_ACTOR, path, { fiscalYear: 2020 })).rejects.toThrow(/U\+0000/);
    expect(await countRows(getDb())).toMatchObject({ units: 0, target_documents: 0, projects: 0 });
  });
});
