import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { CONTROL_TOKEN_HEADER } from '../../contract/instance.ts';
import { backupToFile } from '../../usecases/backup-to-file.ts';
import { verifyBackup } from '../../usecases/verify-backup.ts';
import type { Control } from '../control-file.ts';
import { withDatabaseOrServer } from '../options.ts';

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
        const via = await writeBackup(partial);
        const manifest = await verifyBackup(partial);
        await rename(partial, out);
        const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        process.stdout.write(`已备份到 ${out}：${manifest.tables.length} 张表，${rows} 行（${via}）\n`);
      } finally {
        await rm(partial, { force: true });
      }
    });
}

async function writeBackup(file: string): Promise<string> {
  return withDatabaseOrServer(
    async (db) => {
      await backupToFile(db, file);
      return db.engine === 'postgres' ? 'PostgreSQL' : 'PGlite';
    },
    async (control) => {
      const response = await askServer(control, '/api/admin/local/backup', { method: 'POST' });
      await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(file));
      return `经由运行中的服务 pid ${control.pid}`;
    },
  );
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
