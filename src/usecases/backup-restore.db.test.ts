import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestPglite, openTestPostgres } from '../../test/db-engines.ts';
import { layoutDocument } from '../../test/layout-fields-fixture.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { listTables } from '../db/backup.repo.ts';
import type { Db } from '../db/database.ts';
import { backupDatabase } from './backup-database.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { loadDemoDataIfEmpty } from './load-demo-data.ts';
import { restoreDatabase } from './restore-database.ts';
import { issueSetupToken } from './issue-setup-token.ts';
import { signIn } from './sign-in.ts';

/** Every table's rows, as the database's JSON of each row, sorted: equal means equal content. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await listTables(db.kysely)) {
    const { rows } = await sql<{
      row: string;
    }>`select row_to_json(t)::text as row from ${sql.raw(`"${table.name}"`)} t`.execute(db.kysely);
    result[table.name] = rows.map((r) => r.row).sort();
  }
  return result;
}

async function backupTo(db: Db, file: string) {
  const backup = backupDatabase(db);
  await pipeline(backup.stream, createWriteStream(file));
  return backup.done;
}

const LAYOUT_UNIT = '799001';

describeEachEngine('backup and restore', (getDb) => {
  let dir = '';
  let file = '';
  let target: Db;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-backup-'));
    file = join(dir, 'backup.zip');
    const db = getDb();
    await loadDemoDataIfEmpty(db);
    // No administrator yet, so a setup link is pending: its table is filled too.
    await issueSetupToken(db);
    await signIn(db, { username: 'zgh', password: 'demo-zgh-2020', ip: '10.0.0.1' });
    // A provincial layout's fields (issue 15) fill the columns the demo leaves NULL.
    await importTargets(db, SYSTEM_ACTOR, {
      document: layoutDocument(LAYOUT_UNIT, '版式字段测试单位'),
      fiscalYear: 2020,
    });
    target = db.engine === 'pglite' ? await openTestPglite() : await openTestPostgres();
  }, 120_000);

  afterAll(async () => {
    await target?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips every table: same rows, same content, and new ids continue after the restored ones', async () => {
    const before = await snapshot(getDb());
    const manifest = await backupTo(getDb(), file);
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(Object.keys(before).sort());
    for (const table of manifest.tables) expect(table.rows, table.name).toBe(before[table.name]!.length);
    // The demo fills the tables that matter; an empty table would prove nothing about its types.
    for (const table of [
      'units',
      'projects',
      'indicators',
      'users',
      'audit_log',
      'sessions',
      'setup_tokens',
      'instance_settings',
    ]) {
      expect(before[table]!.length, table).toBeGreaterThan(0);
    }

    const result = await restoreDatabase(target, { path: file });
    expect(result.replaced).toBe(false);
    expect(await snapshot(target)).toEqual(before);
    const written = { ...layoutDocument(LAYOUT_UNIT, '版式字段测试单位'), fiscalYear: 2020 };
    expect((await getTargets(target, { unitCode: LAYOUT_UNIT, fiscalYear: 2020 })).document).toStrictEqual(written);
    // Sequences were moved past the restored ids: a new audit entry gets a fresh id.
    await expect(signIn(target, { username: 'zgb', password: 'demo-zgb-2020', ip: '10.0.0.2' })).resolves.toBeDefined();
  }, 120_000);

  it('refuses a non-empty database without --force, and with it replaces everything', async () => {
    await expect(restoreDatabase(target, { path: file })).rejects.toMatchObject({ code: 'CONFLICT' });
    await sql`delete from units where code = '711002'`.execute(target.kysely);
    await restoreDatabase(target, { path: file }, { force: true });
    const restored = await snapshot(target);
    const source = await snapshot(getDb());
    // The source was only read since; the target now equals it again.
    expect(restored).toEqual(source);
  }, 120_000);

  it('refuses a file that is not a backup, and changes nothing', async () => {
    await expect(restoreDatabase(target, { buffer: Buffer.from('not a zip') }, { force: true })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});
