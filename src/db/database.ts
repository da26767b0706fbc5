import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { migrationProvider } from './migrations/index.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { lockPgliteDataDir } from './pglite-lock.ts';
import type { Schema } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Db {
  kysely: Kysely<Schema>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; wins over the PGlite options. */
  databaseUrl?: string;
  /** PGlite's data directory, created if missing. */
  dataDir?: string;
  /** PGlite in memory; also what you get when neither a URL nor a directory is given. */
  memory?: boolean;
}

/** Opens the database and brings its schema up to date before anyone queries it. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.databaseUrl) return openMigrated(createPostgresKysely(options.databaseUrl), 'postgres');
  if (options.memory || !options.dataDir) return openPgliteDatabase(await PGlite.create());
  await mkdir(options.dataDir, { recursive: true });
  // The directory is ours from here until this Db is closed (or the process ends).
  const release = lockPgliteDataDir(options.dataDir);
  try {
    const db = await openPgliteDatabase(await PGlite.create(options.dataDir));
    return { ...db, close: () => db.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an open PGlite instance (e.g. one loaded from a dump); closing the Db closes it. */
export async function openPgliteDatabase(pglite: PGlite): Promise<Db> {
  return openMigrated(new Kysely<Schema>({ dialect: new PGliteDialect(pglite) }), 'pglite');
}

function createPostgresKysely(connectionString: string): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client whose server went away emits 'error'; unhandled, it would kill the process.
  // The pool drops that client and the next query connects anew, so there is nothing to do here.
  pool.on('error', () => {});
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

async function openMigrated(kysely: Kysely<Schema>, engine: Engine): Promise<Db> {
  try {
    await migrateToLatest(kysely);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  return { kysely, engine, close: () => kysely.destroy() };
}

export async function migrateToLatest(kysely: Kysely<Schema>): Promise<void> {
  const migrator = new Migrator({ db: kysely, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}

const DatabaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .pipe(z.url({ protocol: /^postgres(ql)?$/, message: 'DATABASE_URL 应为 postgres://… 形式的连接串' }).optional()),
  JIXIAO_DATA: z.string().trim().min(1).default('./data'),
});

/** DATABASE_URL selects PostgreSQL; otherwise PGlite keeps its files in JIXIAO_DATA (./data). */
export function resolveDatabaseOptions(env: Record<string, string | undefined>): DatabaseOptions {
  const result = DatabaseEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('USAGE', `环境变量 ${issue?.path.join('.') ?? ''} 不正确：${issue?.message ?? ''}`, {
      location: { field: String(issue?.path[0] ?? '') },
    });
  }
  const { DATABASE_URL: databaseUrl, JIXIAO_DATA: dataDir } = result.data;
  return databaseUrl ? { databaseUrl } : { dataDir: resolve(dataDir) };
}
