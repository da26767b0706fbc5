import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A throwaway PostgreSQL for one test run: initdb into a temporary directory, pg_ctl start on a
 * free port, stop and delete at the end. initdb refuses to run as root, so as root both run as
 * the `postgres` user on directories it owns.
 */

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

export function findPostgresBinaries(): PostgresBinaries | undefined {
  for (const dir of candidateBinDirs()) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl };
  }
  return undefined;
}

function candidateBinDirs(): string[] {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debianRoot = '/usr/lib/postgresql';
  if (!existsSync(debianRoot)) return onPath;
  // Debian installs each major version side by side; the newest wins.
  const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
  return [...onPath, ...versions.map((version) => join(debianRoot, version, 'bin'))];
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool as `postgres` when we are root, else as ourselves. */
async function runAsPostgres(command: string, args: string[]): Promise<void> {
  const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  await run(file, fileArgs, { timeout: 60_000 });
}

async function postgresOwnedDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  if (!isRoot) return;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(path, Number(uid.trim()), Number(gid.trim()));
  await chmod(path, 0o700);
}

async function freePort(): Promise<number> {
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

/** Starts a server whose files all live under `baseDir`; returns the URL of its `postgres` database. */
export async function startPostgres(binaries: PostgresBinaries, baseDir: string): Promise<string> {
  await postgresOwnedDir(baseDir);
  const dataDir = join(baseDir, 'data');
  const socketDir = join(baseDir, 'sock');
  await postgresOwnedDir(socketDir);
  await runAsPostgres(binaries.initdb, [
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
  // Durability is worthless for a server deleted at the end of the run, and costs time.
  const serverOptions = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await runAsPostgres(binaries.pgCtl, [
    '-D',
    dataDir,
    '-l',
    join(baseDir, 'server.log'),
    '-w',
    '-o',
    serverOptions,
    'start',
  ]);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** Stops the server under `baseDir` if one was started there. */
export async function stopPostgres(binaries: PostgresBinaries, baseDir: string): Promise<void> {
  const dataDir = join(baseDir, 'data');
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
  await runAsPostgres(binaries.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
}
