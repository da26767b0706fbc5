import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { countRows, latestMigration, listTables, readRows, setTransactionReadOnly } from '../db/backup.repo.ts';
import type { Db } from '../db/database.ts';
import { ZipStream } from '../documents/docx/zip-writer.ts';
import { AppError } from '../domain/errors.ts';

/**
 * A logical backup, the same on both engines (decision 018): one .zip holding `manifest.json` and
 * every table's rows as NDJSON (the database's own JSON of each row), in chunks of CHUNK_ROWS rows,
 * deflated. Read inside one REPEATABLE READ, READ ONLY transaction: a consistent snapshot while
 * the server keeps serving (on PostgreSQL other sessions go on writing; PGlite is one session, so its
 * requests wait for the snapshot to be read).
 */
export const BACKUP_FORMAT = 'jixiao/backup@1';
export const CHUNK_ROWS = 5_000;

export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  /** The newest migration of the database it came from: restore needs the same. */
  migration: z.string().nullable(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0), chunks: z.array(z.string()) })),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export function chunkName(table: string, index: number): string {
  return `tables/${table}/${String(index).padStart(6, '0')}.ndjson`;
}

export interface RunningBackup {
  /**
   * The .zip as it is written; pipe it to a local file, never straight to a network client: the
   * snapshot transaction waits while the reader is behind, and on PGlite it holds the only
   * connection meanwhile (use backupToFile, then send the file).
   */
  stream: Readable;
  /** Settles when the archive is complete (or failed: the stream is then destroyed). */
  done: Promise<BackupManifest>;
}

export function backupDatabase(db: Db, now: Date = new Date()): RunningBackup {
  const zip = new ZipStream();
  const abandoned = new Promise<never>((_resolve, reject) => {
    zip.stream.once('close', () => reject(new AppError('BAD_INPUT', '备份输出已中断')));
  });
  abandoned.catch(() => undefined);
  const add = (name: string, text: string) =>
    Promise.race([zip.add(name, Buffer.from(text, 'utf8'), { compress: true, modified: now }), abandoned]);
  const done = db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await setTransactionReadOnly(trx);
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        createdAt: now.toISOString(),
        engine: db.engine,
        migration: await latestMigration(trx),
        tables: [],
      };
      for (const table of await listTables(trx)) {
        const entry = { name: table.name, rows: 0, chunks: [] as string[] };
        for await (const rows of readRows(trx, table.name, CHUNK_ROWS)) {
          const name = chunkName(table.name, entry.chunks.length);
          await add(name, `${rows.join('\n')}\n`);
          entry.chunks.push(name);
          entry.rows += rows.length;
        }
        // Read back in the same snapshot: the manifest's count is a check the restore repeats.
        if ((await countRows(trx, table.name)) !== entry.rows) throw new Error(`备份 ${table.name} 时行数不一致`);
        manifest.tables.push(entry);
      }
      await add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
      await Promise.race([zip.end(), abandoned]);
      return manifest;
    });
  done.catch((error: unknown) => zip.stream.destroy(error as Error));
  return { stream: zip.stream, done };
}

/**
 * The backup written to `file`, then the transaction is over: its pace is the disk's, not a
 * client's. What a server sends, so a slow, unread or abandoned download — or the response's own
 * hooks, which query the database — never waits on a transaction that waits on them (on PGlite that
 * was every request of the server, forever).
 */
export async function backupToFile(db: Db, file: string, now?: Date): Promise<BackupManifest> {
  const backup = backupDatabase(db, now);
  const [, manifest] = await Promise.all([pipeline(backup.stream, createWriteStream(file)), backup.done]);
  return manifest;
}
