import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { openDatabase, resolveDatabaseOptions, type Db } from '../db/database.ts';

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
