import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/database.ts';
import type { BackupManifest } from '../documents/backup-archive.ts';
import { backupDatabase } from './backup-database.ts';

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
