import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type Db, openDatabase, openPgliteDatabase } from '../src/db/database.ts';
import { openMigratedPglite } from './pglite-template.ts';
import { startPostgres } from './postgres-server.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * The DB tier runs every suite on both engines. Each test file gets its own database on each:
 * an in-memory PGlite loaded from a migrated image (a fresh PGlite costs ~4 s, loading ~0.6 s),
 * and a newly created database on the run's PostgreSQL, so files run in parallel. Tests within
 * a file share them: clear or use distinct unit codes.
 */
export function describeEachEngine(name: string, body: (getDb: () => Db) => void): void {
  describe(`${name} [PGlite]`, () => body(useDatabase(openTestPglite)));
  const target = inject('postgresTarget');
  const skipped = target.kind === 'skipped' ? ` — SKIPPED: ${target.reason}` : '';
  describe.skipIf(target.kind === 'skipped')(`${name} [PostgreSQL]${skipped}`, () =>
    body(useDatabase(openTestPostgres)),
  );
}

function useDatabase(open: () => Promise<Db>): () => Db {
  let db: Db | undefined;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('the database opens in beforeAll: call getDb() inside a hook or a test');
    return db;
  };
}

/** Empties every application table (not Kysely's migration bookkeeping), whichever feature added it. */
export async function clearDatabase(db: Db): Promise<void> {
  const tables = await sql<{ name: string }>`
    select quote_ident(table_name) as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'`.execute(
    db.kysely,
  );
  if (tables.rows.length === 0) return;
  await sql.raw(`truncate ${tables.rows.map((t) => t.name).join(', ')} restart identity cascade`).execute(db.kysely);
}

export async function openTestPglite(): Promise<Db> {
  return openPgliteDatabase(await openMigratedPglite());
}

export async function openTestPostgres(): Promise<Db> {
  return openDatabase({ databaseUrl: await freshDatabaseUrl() });
}

/** The URL of a new, empty database on the run's PostgreSQL server. */
export async function freshDatabaseUrl(): Promise<string> {
  const serverUrl = await postgresServerUrl();
  const name = `${inject('testDatabasePrefix')}${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function postgresServerUrl(): Promise<string> {
  const target = inject('postgresTarget');
  if (target.kind === 'skipped') throw new Error(`PostgreSQL tests are skipped (${target.reason})`);
  if (target.kind === 'external') return target.url;
  const runDir = inject('dbTestRunDir');
  // Global setup has begun starting it; this waits, or starts it should a worker get there first.
  return startThrowawayPostgres(runDir, () => startPostgres(target, join(runDir, 'postgres')));
}

type TableName = 'units' | 'target_documents' | 'projects' | 'spending_checkpoints' | 'indicators';

/** Row counts of every table: equal before and after means nothing was written. */
export async function countRows(db: Db): Promise<Record<TableName, number>> {
  const tables: TableName[] = ['units', 'target_documents', 'projects', 'spending_checkpoints', 'indicators'];
  const counts = {} as Record<TableName, number>;
  for (const table of tables) {
    const row = await db.kysely
      .selectFrom(table)
      .select(sql<number>`count(*)::integer`.as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = row.n;
  }
  return counts;
}
