import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { PGLITE_LOCK_FILE, lockPgliteDataDir } from './pglite-lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
  dirs.push(dir);
  return dir;
}

/** A live node process that is not us. */
async function otherNode(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  await once(child, 'spawn');
  return child.pid!;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  // The locks this process holds are released on exit; the test directories go now.
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PGlite data directory lock', () => {
  it('claims a directory with our pid, and lets this process open it again', () => {
    const dir = freshDir();
    lockPgliteDataDir(dir);
    expect(readFileSync(join(dir, PGLITE_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockPgliteDataDir(dir)).not.toThrow();
  });

  it('refuses a directory held by another live process, naming the directory and its pid', async () => {
    const dir = freshDir();
    const pid = await otherNode();
    writeFileSync(join(dir, PGLITE_LOCK_FILE), `${pid}\n`);
    let error: unknown;
    try {
      lockPgliteDataDir(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'LOCKED' });
    expect((error as Error).message).toContain(`数据目录 ${dir} 正被另一个 Jixiao 进程（pid ${pid}）使用`);
    // Refused, the other process's claim is untouched.
    expect(readFileSync(join(dir, PGLITE_LOCK_FILE), 'utf8').trim()).toBe(String(pid));
  });

  it('takes over a lock left by a process that died, leaving no stray files', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, PGLITE_LOCK_FILE), `${await deadPid()}\n`);
    lockPgliteDataDir(dir);
    expect(readFileSync(join(dir, PGLITE_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual([PGLITE_LOCK_FILE]);
  });

  it('takes over a lock file that names no pid (a crash while writing it)', () => {
    const dir = freshDir();
    writeFileSync(join(dir, PGLITE_LOCK_FILE), '');
    lockPgliteDataDir(dir);
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(true);
    expect(readFileSync(join(dir, PGLITE_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
  });

  it('is released when the last database using it closes, so another process may then open it', async () => {
    const dir = freshDir();
    const first = lockPgliteDataDir(dir);
    const second = lockPgliteDataDir(dir);
    first();
    first(); // twice is once
    expect(readFileSync(join(dir, PGLITE_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    second();
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);
    // Held by a live other process now, the directory is refused to us again.
    writeFileSync(join(dir, PGLITE_LOCK_FILE), `${await otherNode()}\n`);
    expect(() => lockPgliteDataDir(dir)).toThrow(/正被另一个 Jixiao 进程/);
  });

  it('is released by closing a Db opened on the directory', async () => {
    const dir = freshDir();
    const db = await openDatabase({ dataDir: dir });
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(true);
    await db.close();
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);
  });
});
