import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `build` once per test run across all vitest workers (separate processes) and hands every
 * caller its string result. Expensive shared fixtures — the PostgreSQL server, the migrated PGlite
 * image — are made only when a test needs them, so the fast tier never pays for them.
 * Whoever creates the lock directory builds; the others wait for the result file.
 */
export async function runOnceAcrossWorkers(
  runDir: string,
  name: string,
  build: () => Promise<string>,
): Promise<string> {
  const resultFile = join(runDir, `${name}.result.json`);
  const deadline = Date.now() + 180_000;
  while (!existsSync(resultFile)) {
    if (await tryLock(join(runDir, `${name}.lock`))) {
      await writeResult(resultFile, build);
      break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another worker to prepare ${name}`);
    await sleep(50);
  }
  const result = JSON.parse(await readFile(resultFile, 'utf8')) as { ok: string } | { error: string };
  if ('error' in result) throw new Error(`preparing ${name} failed: ${result.error}`);
  return result.ok;
}

async function tryLock(path: string): Promise<boolean> {
  try {
    await mkdir(path);
    return true;
  } catch {
    return false;
  }
}

/** A failure is recorded too, so waiting workers fail at once instead of timing out. */
async function writeResult(resultFile: string, build: () => Promise<string>): Promise<void> {
  let result: { ok: string } | { error: string };
  try {
    result = { ok: await build() };
  } catch (error) {
    result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // Written aside and renamed, so a reader never sees half a file.
  await writeFile(`${resultFile}.tmp`, JSON.stringify(result));
  await rename(`${resultFile}.tmp`, resultFile);
}
