import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { ZipStream } from './docx/zip-writer.ts';

/**
 * The file format of a backup (decision 018): one .zip holding `manifest.json` and every table's rows
 * as NDJSON chunks under `tables/<table>/NNNNNN.ndjson`, deflated. What the rows mean is the use-cases'
 * (backup-database.ts, restore-database.ts) and the SQL is src/db/backup.repo.ts; this adapter writes and
 * reads the archive and knows the manifest's shape.
 */
const MANIFEST_ENTRY = 'manifest.json';

export const BACKUP_FORMAT = 'jixiao/backup@1';

const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  /** The newest migration of the database it came from: restore needs the same. */
  migration: z.string().nullable(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0), chunks: z.array(z.string()) })),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

function chunkName(table: string, index: number): string {
  return `tables/${table}/${String(index).padStart(6, '0')}.ndjson`;
}

export interface BackupArchiveWriter {
  /** The .zip as it is written. */
  stream: Readable;
  /** Adds one chunk of rows (one JSON text each) of a table; returns the entry's name for the manifest. */
  addChunk(table: string, index: number, rows: string[]): Promise<string>;
  /** Writes the manifest last (it lists every chunk) and ends the archive. */
  finish(manifest: unknown): Promise<void>;
}

export function writeBackupArchive(modified: Date): BackupArchiveWriter {
  const zip = new ZipStream();
  // A reader that goes away (a closed pipe) ends the backup instead of leaving it waiting forever.
  const abandoned = new Promise<never>((_resolve, reject) => {
    zip.stream.once('close', () => reject(new AppError('BAD_INPUT', '备份输出已中断')));
  });
  abandoned.catch(() => undefined);
  const add = (name: string, content: string) =>
    Promise.race([zip.add(name, Buffer.from(content, 'utf8'), { compress: true, modified }), abandoned]);
  return {
    stream: zip.stream,
    async addChunk(table, index, rows) {
      const name = chunkName(table, index);
      await add(name, `${rows.join('\n')}\n`);
      return name;
    },
    async finish(manifest) {
      await add(MANIFEST_ENTRY, `${JSON.stringify(manifest, null, 2)}\n`);
      await Promise.race([zip.end(), abandoned]);
    },
  };
}

export type BackupSource = { path: string } | { buffer: Buffer };

export interface BackupArchiveReader {
  /** manifest.json parsed as JSON (not yet checked against the manifest's schema). */
  manifestJson(): Promise<unknown>;
  /** The rows of one chunk (one JSON text each); BAD_INPUT when the archive lacks it. */
  chunkRows(name: string): Promise<string[]>;
  close(): void;
}

/** Opens a backup for reading by entry name (the central directory is read once, the entries on demand). */
export async function readBackupArchive(source: BackupSource): Promise<BackupArchiveReader> {
  const zip = await openZip(source);
  let entries: Map<string, Entry>;
  try {
    entries = await readEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    async manifestJson() {
      const entry = entries.get(MANIFEST_ENTRY);
      if (!entry) throw new AppError('BAD_INPUT', '不是 Jixiao 备份文件：缺少 manifest.json');
      try {
        return JSON.parse(await readEntry(zip, entry)) as unknown;
      } catch {
        throw new AppError('BAD_INPUT', '备份文件的 manifest.json 不是有效的 JSON');
      }
    },
    async chunkRows(name) {
      const entry = entries.get(name);
      if (!entry) throw new AppError('BAD_INPUT', `备份文件不完整：缺少 ${name}`);
      return (await readEntry(zip, entry)).split('\n').filter((line) => line.length > 0);
    },
    close: () => zip.close(),
  };
}

/** The archive's manifest, checked against its schema: BAD_INPUT when the file is not a Jixiao backup. */
export async function readManifest(archive: BackupArchiveReader): Promise<BackupManifest> {
  const parsed = BackupManifestSchema.safeParse(await archive.manifestJson());
  if (!parsed.success) throw new AppError('BAD_INPUT', '不是 Jixiao 备份文件（jixiao/backup@1）');
  return parsed.data;
}

/** Opens a backup and reads its manifest: a cheap check that a written file is a whole backup. */
export async function readBackupManifest(source: BackupSource): Promise<BackupManifest> {
  const archive = await readBackupArchive(source);
  try {
    return await readManifest(archive);
  } finally {
    archive.close();
  }
}

function openZip(source: BackupSource): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: ZipFile) =>
      error || !zip ? reject(new AppError('BAD_INPUT', `无法读取备份文件：${error?.message ?? ''}`)) : resolve(zip);
    if ('path' in source) yauzl.open(source.path, { lazyEntries: true, autoClose: false }, done);
    else yauzl.fromBuffer(source.buffer, { lazyEntries: true }, done);
  });
}

function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => reject(new AppError('BAD_INPUT', `备份文件已损坏：${error.message}`)));
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream)
        return reject(new AppError('BAD_INPUT', `备份文件已损坏：${error?.message ?? entry.fileName}`));
      text(stream).then(resolve, reject);
    });
  });
}
