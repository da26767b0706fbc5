import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit, sampleProject } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { Db } from '../db/database.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { getTargets } from './get-targets.ts';
import { importMany } from './import-many.ts';
import { importTargets } from './import-targets.ts';

/**
 * The batch store of importMany (several unit-years per statement, stored while the next batch is
 * validated): what it stores must be exactly what was imported, whichever batch a document fell in,
 * and a failure anywhere must leave the database exactly as it was.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-import-batch-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The seed's realistic projects plus `extra` small ones, as unit `code`, for 2020. */
function unitDocument(code: string, extra: number): TargetsDocument {
  const document = { ...documentForUnit(code, `单位 ${code}`), fiscalYear: 2020 };
  document.projects = [
    ...document.projects,
    ...Array.from({ length: extra }, (_, i) => sampleProject(`${code}-${i + 1}`)),
  ];
  return document;
}

async function folder(name: string, documents: unknown[]): Promise<string> {
  const path = join(dir, name);
  await mkdir(path, { recursive: true });
  // Zero-padded names: the directory source stores in name order.
  await Promise.all(
    documents.map((d, i) =>
      writeFile(join(path, `${String(i).padStart(3, '0')}.json`), typeof d === 'string' ? d : JSON.stringify(d)),
    ),
  );
  return path;
}

/** Everything an import writes, in a comparable form (ids included: nothing may be renumbered). */
async function snapshot(db: Db): Promise<unknown> {
  const rows = async (query: string) => (await sql.raw(query).execute(db.kysely)).rows;
  return {
    units: await rows('select id, code, name from units order by id'),
    documents: await rows('select id, unit_id, fiscal_year, version, overall from target_documents order by id'),
    projects: await rows(
      'select id, document_id, position, version, code, name, budget_total::text from projects order by id',
    ),
    indicators: await rows(
      'select project_id, position, name, target_raw, target_min, target_max from indicators order by project_id, position',
    ),
    checkpoints: await rows(
      'select project_id, position, month, cumulative_percent::text from spending_checkpoints order by project_id, position',
    ),
    audit: await rows('select id, action, unit_code, fiscal_year from audit_log order by id'),
  };
}

describeEachEngine('importMany batch store', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  it('stores every document exactly as imported, across several batches, with one audit entry per unit-year', async () => {
    // 8 units of 4 + 60 projects: more than one batch (500 projects), so several batch statements are exercised.
    const documents = Array.from({ length: 8 }, (_, i) => unitDocument(`87000${i}`, 60));
    const path = await folder(`round-trip-${getDb().engine}`, documents);
    const result = await importMany(getDb(), SYSTEM_ACTOR, path);
    expect(result).toEqual({ documents: 8, projects: 8 * 64, indicators: 8 * (12 + 120), replaced: 0 });
    for (const document of documents) {
      const stored = await getTargets(getDb(), { unitCode: document.unit.code, fiscalYear: 2020 });
      expect(stored.document).toStrictEqual(document);
      expect(stored.version).toBe(1);
    }
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['unit_code', 'action', 'before', 'after'])
      .orderBy('id')
      .execute();
    expect(audit.map((row) => [row.unit_code, row.action, row.before])).toEqual(
      documents.map((d) => [d.unit.code, 'import-targets', null]),
    );
    expect((audit[3]!.after as { projects: unknown[] }).projects).toHaveLength(64);
  });

  it('stores what importTargets stores: a re-import replaces whole, bumps surviving projects, audits what it replaced', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: unitDocument('871001', 2), fiscalYear: 2020 });
    const replacement = unitDocument('871001', 1);
    replacement.unit.name = '改名的单位';
    const path = await folder(`reimport-${getDb().engine}`, [
      replacement,
      { ...unitDocument('871002', 0), fiscalYear: 2021 },
      unitDocument('871002', 3),
    ]);
    expect(await importMany(getDb(), SYSTEM_ACTOR, path)).toMatchObject({
      documents: 3,
      replaced: 1,
    });
    const stored = await getTargets(getDb(), { unitCode: '871001', fiscalYear: 2020 });
    expect(stored.document).toStrictEqual(replacement);
    expect(stored.version).toBe(2);
    const versions = await getDb()
      .kysely.selectFrom('projects')
      .select(['code', 'version'])
      .where('code', 'like', '871001-%')
      .execute();
    expect(versions).toEqual([{ code: '871001-1', version: 2 }]);
    // One unit in two years within one batch: both stored, under one unit row.
    expect((await getTargets(getDb(), { unitCode: '871002', fiscalYear: 2021 })).document.projects).toHaveLength(4);
    expect((await getTargets(getDb(), { unitCode: '871002', fiscalYear: 2020 })).document.projects).toHaveLength(7);
    expect(await getDb().kysely.selectFrom('units').select('code').orderBy('code').execute()).toEqual([
      { code: '871001' },
      { code: '871002' },
    ]);
    const reimport = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['before'])
      .where('unit_code', '=', '871001')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((reimport.before as { unit: { name: string }; projects: unknown[] }).projects).toHaveLength(6);
  });

  it('leaves the database exactly as it was when the 3rd of 5 documents is broken', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: unitDocument('872002', 1), fiscalYear: 2020 });
    const before = await snapshot(getDb());
    const broken = unitDocument('872003', 0) as unknown as { projects: { budget: { total: number } }[] };
    broken.projects[0]!.budget.total = 1.5;
    const documents = [
      unitDocument('872001', 3),
      unitDocument('872002', 2),
      broken,
      unitDocument('872004', 1),
      unitDocument('872005', 0),
    ];
    const path = await folder(`third-broken-${getDb().engine}`, documents);
    const error = await expectAppError(importMany(getDb(), SYSTEM_ACTOR, path), 'BAD_INPUT');
    expect(error.issues.map((issue) => issue.file)).toEqual(['002.json']);
    expect(await snapshot(getDb())).toEqual(before);
  });

  it('rolls back batches already stored when a later batch holds targets under review', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: unitDocument('873009', 0), fiscalYear: 2020 });
    const { id } = await getDb().kysely.selectFrom('target_documents').select('id').executeTakeFirstOrThrow();
    await getDb()
      .kysely.insertInto('target_workflows')
      .values({ document_id: id, state: 'submitted', version: 2 })
      .execute();
    const before = await snapshot(getDb());
    // 9 documents of 64 projects: the first batch is stored before the locked 9th is read.
    const documents = Array.from({ length: 9 }, (_, i) => unitDocument(`87300${i + 1}`, 60));
    const path = await folder(`locked-late-${getDb().engine}`, documents);
    const error = await expectAppError(importMany(getDb(), SYSTEM_ACTOR, path), 'LOCKED');
    expect(error.issues).toEqual([
      expect.objectContaining({ file: '008.json', message: expect.stringContaining('873009 2020 年度') }),
    ]);
    expect(await snapshot(getDb())).toEqual(before);
  });

  // NUL: refused by the schema since decision 021 (was the database's refusal), still after earlier batches were stored.
  it('keeps all or nothing when a document of a later batch holds text that cannot be stored', async () => {
    const before = await snapshot(getDb());
    const documents = Array.from({ length: 10 }, (_, i) => unitDocument(`87400${i}`, 60));
    documents[9]!.projects[0]!.purpose = 'bad\u0000byte';
    const path = await folder(`refused-late-${getDb().engine}`, documents);
    await expect(importMany(getDb(), SYSTEM_ACTOR, path)).rejects.toThrow(/U\+0000/);
    expect(await snapshot(getDb())).toEqual(before);
  });
});
