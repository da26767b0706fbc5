import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';

/** The file in a PGlite data directory that names the one process allowed to open it. */
export const PGLITE_LOCK_FILE = 'jixiao.pid';

/** Paths this process holds, with how many open databases use each (a process may open its directory twice). */
const held = new Map<string, number>();
let exitHookInstalled = false;

/**
 * PGlite is PostgreSQL in one process with no shared memory between processes: a second process
 * opening the same directory would write over the first one's pages. So every open claims the
 * directory with a lock file holding our pid, created exclusively; a file naming a live other
 * process refuses the open at once, one naming a dead process (a crash, a kill -9) is taken over.
 * The claim lasts until the last database this process opened there is closed (the returned
 * release), or the process exits; a process may reopen its own directory (tests, a container
 * restarted with the same pid). Releasing on close lets a test, or a CLI command run after a
 * server in the same process, hand the directory to another process.
 */
export function lockPgliteDataDir(dataDir: string): () => void {
  const path = join(dataDir, PGLITE_LOCK_FILE);
  const count = held.get(path);
  if (count === undefined) {
    if (!tryCreate(path)) {
      const owner = readOwner(path);
      if (owner !== undefined && owner !== process.pid && isJixiaoProcess(owner)) throw lockedBy(dataDir, owner);
      takeOverStale(path, dataDir);
    }
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once('exit', releaseAll);
    }
  }
  held.set(path, (count ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release(path);
  };
}

function release(path: string): void {
  const count = held.get(path);
  if (count === undefined) return;
  if (count > 1) {
    held.set(path, count - 1);
    return;
  }
  held.delete(path);
  if (readOwner(path) === process.pid) removeQuietly(path);
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Moves the stale file aside (rename is atomic, so of two processes taking over at once only one
 * gets it) and creates ours. If what we moved turns out to name a live process — another process
 * took over between our read and our rename — it is put back and we give way.
 */
function takeOverStale(path: string, dataDir: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const moved = readOwner(aside);
  if (moved !== undefined && moved !== process.pid && isJixiaoProcess(moved)) {
    renameSync(aside, path);
    throw lockedBy(dataDir, moved);
  }
  removeQuietly(aside);
  if (!tryCreate(path)) {
    const owner = readOwner(path);
    throw lockedBy(dataDir, owner ?? 0);
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Alive, and (where /proc tells) a node process: a recycled pid of some other program is stale. */
function isJixiaoProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user — still alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|jixiao|tsx|vitest/.test(commandLine);
  } catch {
    return true;
  }
}

function lockedBy(dataDir: string, pid: number): AppError {
  return new AppError(
    'LOCKED',
    `数据目录 ${dataDir} 正被另一个 Jixiao 进程（pid ${pid}）使用：内置数据库 PGlite 只允许一个进程打开它，同时打开会损坏数据。` +
      `请先停止该进程（kill ${pid}）再运行；需要多个服务器时请设置 DATABASE_URL 使用 PostgreSQL（见 docs/scaling.md）。` +
      `若确认该进程已不存在，可删除 ${join(dataDir, PGLITE_LOCK_FILE)}`,
  );
}

function releaseAll(): void {
  for (const path of held.keys()) {
    if (readOwner(path) === process.pid) removeQuietly(path);
  }
  held.clear();
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
