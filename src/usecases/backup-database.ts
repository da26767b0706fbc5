import type { Readable } from 'node:stream';
import { countRows, latestMigration, listTables, readRows, setTransactionReadOnly } from '../db/backup.repo.ts';
import type { Db } from '../db/database.ts';
import { BACKUP_FORMAT, type BackupManifest, writeBackupArchive } from '../documents/backup-archive.ts';

/**
 * A logical backup, the same on both engines (decision 018): one .zip holding `manifest.json` and
 * every table's rows as NDJSON (the database's own JSON of each row), in chunks of CHUNK_ROWS rows,
 * deflated. Read inside one REPEATABLE READ, READ ONLY transaction: a consistent snapshot while
 * the server keeps serving (on PostgreSQL other sessions go on writing; PGlite is one session, so its
 * requests wait for the snapshot to be read).
 */
const CHUNK_ROWS = 5_000;

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
  // The archive's layout (entry names, NDJSON, deflate) is the documents layer's; what goes in it is decided here.
  const archive = writeBackupArchive(now);
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
          entry.chunks.push(await archive.addChunk(table.name, entry.chunks.length, rows));
          entry.rows += rows.length;
        }
        // Read back in the same snapshot: the manifest's count is a check the restore repeats.
        if ((await countRows(trx, table.name)) !== entry.rows) throw new Error(`备份 ${table.name} 时行数不一致`);
        manifest.tables.push(entry);
      }
      await archive.finish(manifest);
      return manifest;
    });
  done.catch((error: unknown) => archive.stream.destroy(error as Error));
  return { stream: archive.stream, done };
}
