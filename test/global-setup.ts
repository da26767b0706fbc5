import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildNode } from './build-node.ts';
import { findPostgresBinaries, startPostgres, stopPostgres } from './postgres-server.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * The DB tier's run-wide state. A throwaway PostgreSQL starts here in the background, while
 * vitest spawns its workers; test/db-engines.ts waits for it when a test first needs it. With
 * DATABASE_URL set, that server is used instead and the databases the run created on it are
 * dropped at the end.
 */
export type PostgresTarget =
  | { kind: 'throwaway'; initdb: string; pgCtl: string }
  | { kind: 'external'; url: string }
  | { kind: 'skipped'; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    dbTestRunDir: string;
    /** Every database a test creates is named with this prefix. */
    testDatabasePrefix: string;
    postgresTarget: PostgresTarget;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(join(tmpdir(), 'jixiao-test-'));
  // The `postgres` user must reach the server's directory inside it.
  await chmod(runDir, 0o755);
  const prefix = `jixiao_test_${randomBytes(4).toString('hex')}_`;
  const target = choosePostgresTarget();
  if (target.kind === 'skipped') console.warn(`\n⚠ PostgreSQL tests are SKIPPED: ${target.reason}\n`);
  project.provide('dbTestRunDir', runDir);
  project.provide('testDatabasePrefix', prefix);
  project.provide('postgresTarget', target);
  const serverDir = join(runDir, 'postgres');
  const starting =
    target.kind === 'throwaway' ? startThrowawayPostgres(runDir, () => startPostgres(target, serverDir)) : undefined;
  // A failed start is reported to the tests that need the server; here it must not crash the run.
  starting?.catch(() => {});
  await buildNode(); // the CLI tests spawn bin/jixiao.js, which runs the compiled dist/ (test/build-node.ts)

  return async () => {
    try {
      if (target.kind === 'throwaway') {
        await starting?.catch(() => {});
        await stopPostgres(target, serverDir);
      }
      if (target.kind === 'external') await dropTestDatabases(target.url, prefix);
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  };
}

function choosePostgresTarget(): PostgresTarget {
  if (process.env.DATABASE_URL) return { kind: 'external', url: process.env.DATABASE_URL };
  if (process.env.JIXIAO_SKIP_PG === '1') return { kind: 'skipped', reason: 'JIXIAO_SKIP_PG=1' };
  const binaries = findPostgresBinaries();
  if (binaries) return { kind: 'throwaway', ...binaries };
  throw new Error(
    'The DB tier needs PostgreSQL: initdb and pg_ctl were found neither on PATH nor under ' +
      '/usr/lib/postgresql/*/bin. Install them (apt-get install -y postgresql), point DATABASE_URL at a ' +
      'server, or set JIXIAO_SKIP_PG=1 to run without the PostgreSQL half of the DB tests.',
  );
}

async function dropTestDatabases(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
}
