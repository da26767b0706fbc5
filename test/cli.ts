import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const SEED_FILE = resolve(REPO_ROOT, 'examples/shanhaiguan-2020.txt');
export const SEED_EXPECTED = resolve(REPO_ROOT, 'test/fixtures/shanhaiguan-2020.expected.json');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `jixiao` bin in a child process, as a user would: the compiled CLI in dist/, which the
 * test run's global setup brings up to date first (test/build-node.ts). Tests opt out of PGlite's fsync
 * (JIXIAO_PGLITE_FSYNC=off) unless they pass it: a throwaway directory needs no crash safety, and
 * fsync doubles the start of each CLI call; src/db/database.db.test.ts covers the durable default. `input`, when
 * given, is the child's standard input (`--password-stdin`); without it stdin is empty.
 *
 * A spawn costs a node start and the loading of the command (~2 s of CPU on a loaded machine): a command keeps one
 * real spawn, its other cases use runCliInProcess (test/cli-in-process.ts; decision 026).
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'bin/jixiao.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, JIXIAO_PGLITE_FSYNC: 'off', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}
