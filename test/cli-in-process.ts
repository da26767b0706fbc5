import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../src/cli/main.ts';
import { PGLITE_LOCK_FILE } from '../src/db/pglite-lock.ts';
import type { CliResult } from './cli.ts';

/**
 * Runs `jixiao` inside the test's own process: `main(argv)` with the environment `runCli` would give the child,
 * stdout and stderr captured, stdin fed from `input` (empty otherwise, as with runCli). A spawn costs a node start
 * and the loading of the command (~2 s of CPU on a loaded machine); this costs the command's work. Each command
 * keeps one real spawn through `runCli` (the bin, its exit code, a process that ends); the other cases of a
 * command use this (decision 026).
 *
 * The DB tier shares a worker between files (isolate: false), so everything is put back after the call: the
 * write methods, isTTY (a child's pipes are not terminals, so a progress bar writes whole lines here too),
 * process.stdin and every environment key set. A command that left its database open would hold the PGlite
 * lock file or a PostgreSQL connection: both are checked after the call, so a leak fails the test here as a
 * hung child would have failed it before.
 */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
  input = '',
): Promise<CliResult> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const sockets = openSockets();
  const restore = [
    swapEnv({ JIXIAO_PGLITE_FSYNC: 'off', ...env }),
    capture(process.stdout, stdout),
    capture(process.stderr, stderr),
    swapStdin(input),
  ];
  let code: number;
  try {
    code = await main(args);
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  if (env['JIXIAO_DATA'] && holdsLock(env['JIXIAO_DATA']))
    throw new Error(`jixiao ${args.join(' ')} left its PGlite database open (${PGLITE_LOCK_FILE} remains)`);
  if (!(await socketsClosed(sockets))) throw new Error(`jixiao ${args.join(' ')} left a database connection open`);
  return { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
}

/** The lock file names this process: a database opened here is still open (a server's lock names its own pid). */
function holdsLock(dataDir: string): boolean {
  const lock = join(dataDir, PGLITE_LOCK_FILE);
  return existsSync(lock) && Number(readFileSync(lock, 'utf8').trim()) === process.pid;
}

function openSockets(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;
}

/**
 * A closed pg pool's sockets finish closing shortly after pool.end() resolves; a pool left open keeps its idle
 * connections for 10 s (pg's idleTimeoutMillis). Two seconds tells the two apart.
 */
async function socketsClosed(before: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < 2_000;) {
    if (openSockets() <= before) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

function swapEnv(values: Record<string, string | undefined>): () => void {
  const before = Object.keys(values).map((key) => [key, process.env[key]] as const);
  for (const [key, value] of Object.entries(values)) setEnv(key, value);
  return () => {
    for (const [key, value] of before) setEnv(key, value);
  };
}

function setEnv(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

function capture(stream: NodeJS.WriteStream, into: Buffer[]): () => void {
  const { write } = stream;
  const tty = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  stream.isTTY = false;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (callback) queueMicrotask(callback);
    return true;
  }) as typeof stream.write;
  return () => {
    stream.write = write;
    if (tty) Object.defineProperty(stream, 'isTTY', tty);
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

/** process.stdin is a lazy getter on process; replaced by a stream of `input` and its descriptor put back. */
function swapStdin(input: string): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', {
    configurable: true,
    enumerable: descriptor.enumerable ?? true,
    value: Readable.from([Buffer.from(input, 'utf8')]),
  });
  return () => Object.defineProperty(process, 'stdin', descriptor);
}
