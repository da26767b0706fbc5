import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, isAppError } from '../domain/errors.ts';
// The composition root (with commands/serve.ts): the one CLI file that opens the database (eslint.config.js).
import { type DatabaseOptions, openDatabase, resolveDatabaseOptions, type Db } from '../db/database.ts';
import { type Control, readControlFile } from './control-file.ts';

export function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1990 || year > 2100) {
    throw new AppError('USAGE', `--year 应为四位年份，如 2020（收到“${text}”）`);
  }
  return year;
}

export async function readInputFile(path: string): Promise<{ content: Uint8Array; fileName: string }> {
  try {
    return { content: await readFile(path), fileName: basename(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : (error as Error).message;
    throw new AppError('BAD_INPUT', `无法读取文件：${reason}`, { location: { file: path } });
  }
}

/** Opens the database named by DATABASE_URL / JIXIAO_DATA, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(resolveDatabaseOptions(process.env));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * As withDatabase, unless a running `jixiao serve` holds the PGlite directory (its lock): then
 * `viaServer` runs with that server's control file, and the server does the work (backup, restore).
 */
export async function withDatabaseOrServer<T>(
  work: (db: Db) => Promise<T>,
  viaServer: (control: Control) => Promise<T>,
): Promise<T> {
  const options = resolveDatabaseOptions(process.env);
  const db = await openUnlessServed(options);
  if (db === 'served') return viaServer(serverControl(options));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The database, or 'served' when a running `jixiao serve` holds the PGlite directory. */
async function openUnlessServed(options: DatabaseOptions): Promise<Db | 'served'> {
  if (options.dataDir && !existsSync(options.dataDir))
    throw new AppError('NOT_FOUND', `数据目录 ${options.dataDir} 不存在（JIXIAO_DATA）`);
  try {
    return await openDatabase(options);
  } catch (error) {
    if (isAppError(error) && error.code === 'LOCKED' && options.dataDir && readControlFile(options.dataDir))
      return 'served';
    throw error;
  }
}

function serverControl(options: DatabaseOptions): Control {
  const control = options.dataDir ? readControlFile(options.dataDir) : null;
  if (!control) throw new AppError('LOCKED', '数据目录正被使用，但找不到运行中服务的控制文件 jixiao.control.json');
  return control;
}
