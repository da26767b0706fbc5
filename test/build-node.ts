import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const TSC = resolve(REPO_ROOT, 'node_modules/typescript/bin/tsc');

/**
 * Compiles src/ into dist/ as `npm run build:node` does, so that a test spawning bin/jixiao.js (which
 * runs dist/cli/main.js) never runs yesterday's code. `tsc -b` skips the work when nothing changed
 * (~0.2 s) and re-emits only what changed; `--noCheck` leaves type checking to `npm run typecheck`,
 * as vitest does for the sources (a type error in unrelated work must not stop the test run).
 * tsc writes the files even when it reports an error, so a failure is a warning here, not an abort:
 * the tests that spawn the CLI then show what is wrong.
 */
export async function buildNode(): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [TSC, '-b', 'tsconfig.build.json', '--noCheck'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    console.warn(`\n⚠ tsc -b tsconfig.build.json --noCheck reported errors; dist/ may be incomplete:\n${output}\n`);
  }
}
