import nodeFs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../test/db-engines.ts';
import { isAppError } from '../domain/errors.ts';
import { migrateToLatest, openDatabase, resolveDatabaseOptions } from './database.ts';
import { migrationProvider } from './migrations/index.ts';
import { upsertUnit } from './units.repo.ts';

describeEachEngine('openDatabase', (getDb) => {
  it('has applied the migrations, and applying them again changes nothing', async () => {
    const db = getDb();
    const tables = await db.kysely.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['units', 'target_documents', 'projects', 'spending_checkpoints', 'indicators']),
    );
    await migrateToLatest(db.kysely);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely);
    const released = Object.keys(await migrationProvider.getMigrations()).sort();
    expect(released[0]).toBe('2026_11_24_0001_targets');
    expect(rows.map((row) => row.name)).toEqual(released);
  });

  it('keeps amounts exact to the fen in numeric(18,2)', async () => {
    const db = getDb();
    const { rows } = await sql<{
      amount: string;
    }>`select ${'12345678901234.56'}::numeric(18, 2)::text as amount`.execute(db.kysely);
    expect(rows[0]?.amount).toBe('12345678901234.56');
  });
});

describe('openDatabase on a PGlite data directory', () => {
  it('creates the directory and finds the data there when reopened', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'jixiao-pglite-'));
    const dataDir = join(parent, 'nested', 'data');
    try {
      const first = await openDatabase({ dataDir });
      expect(first.engine).toBe('pglite');
      await upsertUnit(first.kysely, { code: '900001', name: '持久化测试单位' });
      await first.close();
      const second = await openDatabase({ dataDir });
      const units = await second.kysely.selectFrom('units').select(['code', 'name']).execute();
      await second.close();
      expect(units).toEqual([{ code: '900001', name: '持久化测试单位' }]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

describe('PGlite durability', () => {
  it('runs a data directory with fsync on, the WAL synced by fsync(), and every commit reaching fsync(2)', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'jixiao-durable-'));
    try {
      const db = await openDatabase({ dataDir: parent });
      try {
        const settings = await sql<{ name: string; setting: string }>`
          select name, setting from pg_settings where name in ('fsync', 'wal_sync_method', 'synchronous_commit') order by name`.execute(
          db.kysely,
        );
        expect(settings.rows).toEqual([
          { name: 'fsync', setting: 'on' },
          { name: 'synchronous_commit', setting: 'on' },
          { name: 'wal_sync_method', setting: 'fsync' },
        ]);
        // Count what reaches the host's fsync: each commit of a write must.
        const spy = vi.spyOn(nodeFs, 'fsyncSync');
        for (let i = 0; i < 5; i++) await upsertUnit(db.kysely, { code: `90000${i}`, name: '持久化测试单位' });
        expect(spy.mock.calls.length).toBeGreaterThanOrEqual(5);
        spy.mockRestore();
      } finally {
        await db.close();
      }
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

describe('resolveDatabaseOptions', () => {
  it('chooses PostgreSQL when DATABASE_URL is set', () => {
    expect(resolveDatabaseOptions({ DATABASE_URL: 'postgres://u@localhost:5432/jixiao', JIXIAO_DATA: '/x' })).toEqual({
      databaseUrl: 'postgres://u@localhost:5432/jixiao',
    });
  });

  it('falls back to PGlite in JIXIAO_DATA, or ./data, treating an empty DATABASE_URL as unset', () => {
    expect(resolveDatabaseOptions({ JIXIAO_DATA: '/srv/jixiao' })).toEqual({ dataDir: '/srv/jixiao', durable: true });
    expect(resolveDatabaseOptions({ DATABASE_URL: '' })).toEqual({ dataDir: resolve('data'), durable: true });
    expect(resolveDatabaseOptions({ JIXIAO_PGLITE_FSYNC: 'off' })).toEqual({
      dataDir: resolve('data'),
      durable: false,
    });
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    let caught: unknown;
    try {
      resolveDatabaseOptions({ DATABASE_URL: 'mysql://localhost/x' });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('USAGE');
  });
});
