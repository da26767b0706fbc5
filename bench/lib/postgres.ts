import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { findPostgresBinaries, type PostgresBinaries } from '../../test/postgres-server.ts';

/**
 * The run's throwaway PostgreSQL, like test/postgres-server.ts (whose binary lookup it reuses) but
 * with pg_stat_statements preloaded, so a benchmark that misses can name its slowest statements.
 * Everything lives under one directory that the runner deletes at the end.
 */

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

export interface BenchPostgres {
  /** URL of the server's `postgres` database. */
  adminUrl: string;
  version: string;
  /** pg_stat_statements could be preloaded (Debian's postgresql package ships it). */
  statStatements: boolean;
  newDatabase(name: string): Promise<{ url: string; db: Db }>;
  stop(): Promise<void>;
}

function requirePostgresBinaries(): PostgresBinaries {
  const binaries = findPostgresBinaries();
  if (binaries) return binaries;
  throw new Error(
    'npm run bench needs PostgreSQL 15: initdb and pg_ctl were found neither on PATH nor under /usr/lib/postgresql/*/bin. ' +
      'Install them (apt-get install -y postgresql, as `npm run setup:test` does) and run again.',
  );
}

async function asPostgres(command: string, args: string[]): Promise<void> {
  const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  await run(file, fileArgs, { timeout: 120_000 });
}

async function ownedDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  if (!isRoot) return;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(path, Number(uid.trim()), Number(gid.trim()));
  await chmod(path, 0o700);
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function hasStatStatements(binaries: PostgresBinaries): boolean {
  // …/lib/postgresql/15/bin/initdb → …/lib/postgresql/15/lib/pg_stat_statements.so (PATH may hold a symlink)
  return existsSync(join(realpathSync(binaries.initdb), '..', '..', 'lib', 'pg_stat_statements.so'));
}

/** Starts the server under `baseDir` (the caller removes the directory after `stop`). */
export async function startBenchPostgres(baseDir: string): Promise<BenchPostgres> {
  const binaries = requirePostgresBinaries();
  await chmod(baseDir, 0o755);
  const serverDir = join(baseDir, 'postgres');
  await ownedDir(serverDir);
  const dataDir = join(serverDir, 'data');
  const socketDir = join(serverDir, 'sock');
  await ownedDir(socketDir);
  await asPostgres(binaries.initdb, [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  const statStatements = hasStatStatements(binaries);
  // No durability for a server deleted at the end; more memory than the default 128 MB for the city data.
  const options = [
    `-p ${port}`,
    `-k ${socketDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c shared_buffers=512MB',
    '-c max_connections=200',
    '-c max_wal_size=4GB',
    ...(statStatements ? ['-c shared_preload_libraries=pg_stat_statements', '-c pg_stat_statements.track=all'] : []),
  ].join(' ');
  await asPostgres(binaries.pgCtl, ['-D', dataDir, '-l', join(serverDir, 'server.log'), '-w', '-o', options, 'start']);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (existsSync(join(dataDir, 'postmaster.pid')))
      await asPostgres(binaries.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
  };
  try {
    const version = await adminQuery(adminUrl, 'show server_version');
    return {
      adminUrl,
      version: String(version[0]?.['server_version'] ?? '?'),
      statStatements,
      stop,
      newDatabase: async (name) => {
        const safe = name.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
        await adminQuery(adminUrl, `create database "${safe}"`);
        const url = `postgres://postgres@127.0.0.1:${port}/${safe}`;
        if (statStatements) await adminQuery(url, 'create extension if not exists pg_stat_statements');
        return { url, db: await openDatabase({ databaseUrl: url }) };
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One statement on a short-lived connection (administration, never the measured path). */
export async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
