import { type BackupManifest, readBackupManifest } from '../documents/backup-archive.ts';

/**
 * Reads a written backup's manifest back: a cheap check that the file is a whole Jixiao backup
 * (BAD_INPUT otherwise) before `jixiao backup` puts it in place.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  return readBackupManifest({ path: file });
}
