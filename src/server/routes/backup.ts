import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTROL_TOKEN_HEADER } from '../../contract/instance.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../domain/errors.ts';
import { backupToFile } from '../../usecases/backup-to-file.ts';
import { restoreDatabase } from '../../usecases/restore-database.ts';
import { sendFile } from '../file-reply.ts';

/** A restore upload may be as large as a backup gets (the zip writer stops at 4 GB). */
const MAX_RESTORE_BYTES = 4 * 1024 ** 3 - 1;

const tags = ['backup'];
const RestoreQuerySchema = z.object({ force: z.enum(['0', '1']).default('0') });
const RestoreResultSchema = z.object({ replaced: z.boolean(), tables: z.number().int(), rows: z.number().int() });

/**
 * Backups of the running server. PGlite is one process: while `jixiao serve` holds the data
 * directory, `jixiao backup` / `jixiao restore` cannot open it, so they ask the server, proving
 * they may with the control token the server wrote into the data directory (whoever can read
 * that directory can read the database anyway). An administrator can also download a backup.
 */
export function backupRoutes(db: Db, options: { controlToken?: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      'application/zip',
      { parseAs: 'buffer', bodyLimit: MAX_RESTORE_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/admin/backup',
      {
        config: { access: { permission: 'users:manage' } },
        schema: {
          summary:
            'Download a backup of the whole database (.zip of NDJSON per table, see decision 018); administrators only',
          tags,
        },
      },
      async (_request, reply) => sendBackup(db, reply),
    );

    app.post(
      '/api/admin/local/backup',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Backup for `jixiao backup` on the same machine (control token from the data directory)',
          tags,
          hide: true,
        },
      },
      async (request, reply) => {
        assertControlToken(request, options.controlToken);
        return sendBackup(db, reply);
      },
    );

    app.post(
      '/api/admin/local/restore',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Restore for `jixiao restore` on the same machine (control token from the data directory)',
          tags,
          hide: true,
          querystring: RestoreQuerySchema,
          response: { 200: RestoreResultSchema },
        },
      },
      async (request) => {
        assertControlToken(request, options.controlToken);
        if (!Buffer.isBuffer(request.body)) throw new AppError('BAD_INPUT', '请以 application/zip 上传备份文件');
        const result = await restoreDatabase(db, { buffer: request.body }, { force: request.query.force === '1' });
        return {
          replaced: result.replaced,
          tables: result.manifest.tables.length,
          rows: result.manifest.tables.reduce((sum, t) => sum + t.rows, 0),
        };
      },
    );
  };
}

/**
 * The backup is written to a temporary file first and only then sent: the snapshot transaction
 * (on PGlite the one connection) must not wait for the client, nor for this reply's onSend hooks,
 * which query the database before the body flows (that deadlocked every request on PGlite).
 */
async function sendBackup(db: Db, reply: FastifyReply) {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-backup-'));
  const removeDir = () =>
    rm(dir, { recursive: true, force: true }).catch((error: unknown) =>
      reply.log.warn({ err: error }, 'removing a spooled backup failed'),
    );
  const file = join(dir, 'backup.zip');
  try {
    await backupToFile(db, file);
  } catch (error) {
    await removeDir();
    throw error;
  }
  // Fastify destroys the stream when the client goes away, so the file goes on close either way.
  const stream = createReadStream(file).once('close', () => void removeDir());
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  const fileName = `jixiao-backup-${stamp}.zip`;
  return sendFile(reply, { content: stream, contentType: 'application/zip', fileName }, fileName);
}

function assertControlToken(request: FastifyRequest, expected: string | undefined): void {
  const given = request.headers[CONTROL_TOKEN_HEADER];
  const ok =
    expected !== undefined &&
    typeof given === 'string' &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) throw new AppError('FORBIDDEN', '此接口只供本机的 jixiao backup / restore 使用（需要数据目录中的控制令牌）');
}
