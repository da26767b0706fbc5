import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDatabase, openPgliteDatabase } from '../src/db/database.ts';
import { runOnceAcrossWorkers } from './run-once.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const CACHE_DIR = join(REPO_ROOT, 'node_modules/.cache/jixiao');

/**
 * A freshly created PGlite costs ~4 s of CPU (initdb and every migration); one copied from a migrated
 * template costs a fraction. Both templates are cached across runs under node_modules/.cache, keyed by the
 * PGlite version and the migrations' source, so a run pays for initdb only when one of them changed.
 */

/** An in-memory PGlite, migrated, loaded from a dump (~0.6 s). */
export async function openMigratedPglite(): Promise<PGlite> {
  const image = await cachedTemplate('pglite-image', 'tar', async (path) => {
    const pglite = await PGlite.create();
    const db = await openPgliteDatabase(pglite);
    const dump = await pglite.dumpDataDir('none');
    await db.close();
    await writeFile(path, new Uint8Array(await dump.arrayBuffer()));
  });
  return PGlite.create({ loadDataDir: new Blob([await readFile(image)]) });
}

/**
 * A new temporary directory holding a migrated PGlite data directory, as `jixiao` leaves JIXIAO_DATA after
 * its first start: a CLI test starting there skips the ~3 s of initdb and migrations its first command
 * would pay. The caller deletes it. Tests of the first start itself use an empty directory instead.
 */
export async function migratedPgliteDir(prefix: string): Promise<string> {
  const template = await cachedTemplate('pglite-dir', 'd', async (path) => {
    // Not durable: the template is copied, never crashed into; a clean close leaves it consistent.
    const db = await openDatabase({ dataDir: path, durable: false });
    await db.close();
  });
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await cp(template, dir, { recursive: true });
  return dir;
}

/**
 * The cached file or directory `name`, made by `make` on first use. Made aside and renamed, so a concurrent
 * run never reads half a template; within a run one worker makes it while the others wait (the browser tier
 * has no run directory, and one worker).
 */
async function cachedTemplate(name: string, ext: string, make: (path: string) => Promise<void>): Promise<string> {
  const cached = join(CACHE_DIR, `${name}-${await templateKey()}.${ext}`);
  if (existsSync(cached)) return cached;
  const build = async () => {
    await mkdir(dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    await rm(partial, { recursive: true, force: true });
    await make(partial);
    await rename(partial, cached).catch(async (error: unknown) => {
      // Another run renamed its copy first: theirs is as good as ours.
      if (!existsSync(cached)) throw error;
      await rm(partial, { recursive: true, force: true });
    });
    return cached;
  };
  const runDir = inject('dbTestRunDir') as string | undefined;
  return runDir ? runOnceAcrossWorkers(runDir, name, build) : build();
}

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  const migrationsDir = join(REPO_ROOT, 'src/db/migrations');
  for (const file of (await readdir(migrationsDir)).sort()) {
    hash.update(file).update(await readFile(join(migrationsDir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
