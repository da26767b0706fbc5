import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../domain/errors.ts';
import { MAX_UPLOAD_BYTES } from '../domain/upload-limit.ts';

/**
 * Reads an uploaded .docx/.xlsx (both are zips) without trusting it. A hostile file can declare small sizes
 * and inflate to gigabytes, hold millions of entries, or name "../../etc/passwd"; every such file is refused
 * with BAD_INPUT naming the file before more than the limits' worth of memory is used.
 */
export interface ZipLimits {
  /** Entries in the central directory. Office files have a few dozen. */
  maxEntries: number;
  /** Uncompressed bytes of any one entry (declared and actually inflated). */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together (declared and actually inflated). */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of one entry; only checked above `ratioCheckAboveBytes`. */
  maxCompressionRatio: number;
  /** Small entries may compress extremely well (a run of zeros) and are harmless; check the ratio above this. */
  ratioCheckAboveBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 1024 * 1024,
};

/** Uploads larger than this are refused before they are opened (callers may pass their own limit). */
export const DEFAULT_MAX_UPLOAD_BYTES = MAX_UPLOAD_BYTES;

function refuse(fileName: string, reason: string): AppError {
  return new AppError('BAD_INPUT', `${fileName}：${reason}`, { location: { file: fileName } });
}

export function assertFileSize(buffer: Buffer, max: number, fileName: string): void {
  if (buffer.length > max) {
    throw refuse(fileName, `文件过大（${mib(buffer.length)}），上限为 ${mib(max)}`);
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Path traversal, absolute paths and drive letters: an entry name must stay inside the archive. */
function unsafeName(name: string): boolean {
  if (name.includes('\\') || name.includes('\0')) return true;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split('/').some((part) => part === '..');
}

/** A zip in memory (an upload) or on disk (a bulk import of thousands of documents). */
export type ZipSource = { buffer: Buffer } | { path: string };

export interface ZipEntryContent {
  name: string;
  content: Buffer;
}

interface ReadOptions {
  /** The name in every refusal: the upload's name or the archive's base name. */
  fileName: string;
  limits?: Partial<ZipLimits>;
  /** Entries to inflate (all by default); the others are still checked by their declared sizes, never read. */
  include?: (entryName: string) => boolean;
}

/**
 * The one guard: an uploaded Office file (read whole, `readZipSafely`) and a bulk zip of documents
 * (read entry by entry, `readZipEntries`) pass the same checks — entry count, unsafe names,
 * encryption, declared and inflated sizes of each entry and of all, compression ratio.
 */
export async function readZipSafely(buffer: Buffer, options: ReadOptions): Promise<Map<string, Buffer>> {
  // Zip files start with a local file header "PK\x03\x04" (an empty zip: "PK\x05\x06").
  if (buffer.length < 22 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    throw refuse(options.fileName, '不是有效的 Office 文件（不是 zip 格式）');
  }
  const files = new Map<string, Buffer>();
  for await (const entry of readZipEntries({ buffer }, options)) files.set(entry.name, entry.content);
  return files;
}

/**
 * The entries of a zip one at a time, each checked before it is inflated and while it inflates:
 * memory holds one entry, so a zip of any number of documents is read in bounded memory.
 */
export async function* readZipEntries(source: ZipSource, options: ReadOptions): AsyncGenerator<ZipEntryContent> {
  const { fileName } = options;
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const include = options.include ?? (() => true);
  const zip = await openZip(source, fileName);
  const totals = { declared: 0, inflated: 0 };
  try {
    assertEntryCount(zip.entryCount, fileName, limits);
    for (let entry = await nextEntry(zip, fileName); entry; entry = await nextEntry(zip, fileName)) {
      totals.declared += entry.uncompressedSize;
      checkEntry(entry, fileName, limits, totals.declared);
      if (entry.fileName.endsWith('/') || !include(entry.fileName)) continue;
      yield { name: entry.fileName, content: await inflate(zip, entry, fileName, limits, totals) };
    }
  } finally {
    zip.close();
  }
}

/** The number of entries of a zip on disk, refused above the limit: read from the central directory only. */
export async function countZipEntries(
  path: string,
  fileName: string,
  limits: Partial<ZipLimits> = {},
): Promise<number> {
  const zip = await openZip({ path }, fileName);
  zip.close();
  assertEntryCount(zip.entryCount, fileName, { ...DEFAULT_ZIP_LIMITS, ...limits });
  return zip.entryCount;
}

function assertEntryCount(count: number, fileName: string, limits: ZipLimits): void {
  if (count > limits.maxEntries) throw refuse(fileName, `压缩包条目过多（${count} 个，上限 ${limits.maxEntries}）`);
}

function openZip(source: ZipSource, fileName: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile): void => {
      if (err || !zip) reject(refuse(fileName, `文件已损坏，无法打开（${err?.message ?? 'unknown'}）`));
      else resolve(zip);
    };
    // validateEntrySizes makes yauzl fail a stream that inflates to more than the entry declares.
    const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false };
    if ('buffer' in source) yauzl.fromBuffer(source.buffer, options, done);
    else yauzl.open(source.path, options, done);
  });
}

function nextEntry(zip: ZipFile, fileName: string): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry): void => (done(), resolve(entry));
    const onEnd = (): void => (done(), resolve(null));
    const onError = (err: Error): void => (done(), reject(refuse(fileName, `文件已损坏（${err.message}）`)));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function checkEntry(entry: Entry, fileName: string, limits: ZipLimits, declaredTotal: number): void {
  const name = entry.fileName;
  if (unsafeName(name)) throw refuse(fileName, `压缩包内的文件名不安全：${JSON.stringify(name)}`);
  if (entry.isEncrypted()) throw refuse(fileName, `${name} 已加密，请去除密码后重试`);
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw refuse(fileName, `压缩包内的 ${name} 解压后过大（${mib(entry.uncompressedSize)}）`);
  }
  if (declaredTotal > limits.maxTotalBytes) {
    throw refuse(fileName, `解压后总大小过大（超过 ${mib(limits.maxTotalBytes)}）`);
  }
  if (entry.uncompressedSize > limits.ratioCheckAboveBytes) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.maxCompressionRatio) {
      throw refuse(fileName, `压缩包内的 ${name} 压缩比异常（${Math.round(ratio)} 倍），疑似压缩炸弹`);
    }
  }
}

/** One entry's bytes, stopped as soon as it (or the archive so far) inflates past the limits. */
function inflate(
  zip: ZipFile,
  entry: Entry,
  fileName: string,
  limits: ZipLimits,
  totals: { inflated: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(refuse(fileName, `无法读取 ${entry.fileName}（${err?.message ?? 'unknown'}）`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        totals.inflated += chunk.length;
        const error =
          size > limits.maxEntryBytes
            ? refuse(fileName, `压缩包内的 ${entry.fileName} 解压后过大`)
            : totals.inflated > limits.maxTotalBytes
              ? refuse(fileName, `解压后总大小过大（超过 ${mib(limits.maxTotalBytes)}）`)
              : null;
        if (error) {
          stream.destroy();
          reject(error);
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (error) =>
        reject(refuse(fileName, `压缩包内的 ${entry.fileName} 已损坏（${error.message}）`)),
      );
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
}
