import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { type DatabaseOptions, openDatabase, resolveDatabaseOptions } from '../../db/database.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { CONTROL_TOKEN_HEADER } from '../../server/routes/backup.ts';
import { backupDatabase } from '../../usecases/backup-database.ts';
import { readBackupManifest } from '../../usecases/restore-database.ts';
import { type Control, readControlFile } from '../control-file.ts';

/**
 * `jixiao backup --out FILE`: the whole database as one .zip (decision 018), while the server runs.
 * PostgreSQL: read directly, in one REPEATABLE READ snapshot. PGlite: directly when no server holds
 * the data directory, otherwise through that server (control-file.ts). The file appears only when
 * complete: written aside, its manifest read back, then renamed into place.
 */
export function backupCommand(): Command {
  return new Command('backup')
    .description('备份整个数据库到一个文件（服务运行时也可） / back up the whole database to one file')
    .requiredOption('--out <file>', '输出文件（.zip）')
    .action(async (options: { out: string }) => {
      const out = resolve(options.out);
      const partial = `${out}.${process.pid}.partial`;
      try {
        const via = await writeBackup(resolveDatabaseOptions(process.env), partial);
        const manifest = await readBackupManifest({ path: partial });
        await rename(partial, out);
        const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        process.stdout.write(`已备份到 ${out}：${manifest.tables.length} 张表，${rows} 行（${via}）\n`);
      } finally {
        await rm(partial, { force: true });
      }
    });
}

async function writeBackup(options: DatabaseOptions, file: string): Promise<string> {
  const db = await openUnlessServed(options);
  if (db === 'served') {
    const control = serverControl(options);
    const response = await askServer(control, '/api/admin/local/backup', { method: 'POST' });
    await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(file));
    return `经由运行中的服务 pid ${control.pid}`;
  }
  try {
    const backup = backupDatabase(db);
    await Promise.all([pipeline(backup.stream, createWriteStream(file)), backup.done]);
    return db.engine === 'postgres' ? 'PostgreSQL' : 'PGlite';
  } finally {
    await db.close();
  }
}

/** The database, or 'served' when a running `jixiao serve` holds the PGlite directory. */
export async function openUnlessServed(
  options: DatabaseOptions,
): Promise<Awaited<ReturnType<typeof openDatabase>> | 'served'> {
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

export function serverControl(options: DatabaseOptions): Control {
  const control = options.dataDir ? readControlFile(options.dataDir) : null;
  if (!control) throw new AppError('LOCKED', '数据目录正被使用，但找不到运行中服务的控制文件 jixiao.control.json');
  return control;
}

/** Calls the running server; its error answer becomes the same AppError it was there. */
export async function askServer(control: Control, path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(path, control.url), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), [CONTROL_TOKEN_HEADER]: control.token },
    });
  } catch (error) {
    throw new AppError(
      'LOCKED',
      `无法连接运行中的服务 ${control.url}（pid ${control.pid}）：${(error as Error).message}`,
    );
  }
  if (response.ok && response.body) return response;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const code = body?.error?.code;
  throw new AppError(
    code === 'CONFLICT' || code === 'VALIDATION' || code === 'BAD_INPUT' || code === 'FORBIDDEN' ? code : 'BAD_INPUT',
    body?.error?.message ?? `服务答复 ${response.status}`,
  );
}
