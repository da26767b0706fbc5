import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../domain/errors.ts';

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
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

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

export async function readZipSafely(
  buffer: Buffer,
  options: {
    fileName: string;
    limits?: Partial<ZipLimits>;
    /** Entries to inflate (all by default); the others are still checked by their declared sizes, never read. */
    include?: (entryName: string) => boolean;
  },
): Promise<Map<string, Buffer>> {
  const { fileName } = options;
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  // Zip files start with a local file header "PK\x03\x04" (an empty zip: "PK\x05\x06").
  if (buffer.length < 22 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    throw refuse(fileName, '不是有效的 Office 文件（不是 zip 格式）');
  }
  let zip: ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (error) {
    throw refuse(fileName, `文件已损坏，无法打开（${(error as Error).message}）`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw refuse(fileName, `压缩包条目过多（${zip.entryCount} 个，上限 ${limits.maxEntries}）`);
    }
    return await readEntries(zip, fileName, limits, options.include ?? (() => true));
  } finally {
    zip.close();
  }
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes makes yauzl fail a stream that inflates to more than the entry declares.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('unknown'));
      else resolve(zip);
    });
  });
}

function readEntries(
  zip: ZipFile,
  fileName: string,
  limits: ZipLimits,
  include: (name: string) => boolean,
): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  let declaredTotal = 0;
  let inflatedTotal = 0;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown): void => {
      reject(error instanceof AppError ? error : refuse(fileName, `文件已损坏（${(error as Error).message}）`));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve(files));
    zip.on('entry', (entry: Entry) => {
      try {
        declaredTotal += entry.uncompressedSize;
        checkEntry(entry, fileName, limits, declaredTotal);
      } catch (error) {
        fail(error);
        return;
      }
      if (entry.fileName.endsWith('/') || !include(entry.fileName)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          fail(err ?? new Error('unknown'));
          return;
        }
        collect(stream, entry.fileName, (chunkBytes, entryBytes) => {
          inflatedTotal += chunkBytes;
          return checkInflated(fileName, entry.fileName, entryBytes, inflatedTotal, limits);
        })
          .then((data) => {
            files.set(entry.fileName, data);
            zip.readEntry();
          })
          .catch(fail);
      });
    });
    zip.readEntry();
  });
}

function checkEntry(entry: Entry, fileName: string, limits: ZipLimits, declaredTotal: number): void {
  const name = entry.fileName;
  if (unsafeName(name)) throw refuse(fileName, `压缩包内的文件名不安全：${JSON.stringify(name)}`);
  if (entry.isEncrypted()) throw refuse(fileName, `文件已加密（${name}），请去除密码后再上传`);
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

/** Called after every chunk with the entry's inflated bytes so far; returns an error to stop streaming. */
function checkInflated(
  fileName: string,
  name: string,
  entryBytes: number,
  totalBytes: number,
  limits: ZipLimits,
): AppError | null {
  if (entryBytes > limits.maxEntryBytes) return refuse(fileName, `压缩包内的 ${name} 解压后过大`);
  if (totalBytes > limits.maxTotalBytes)
    return refuse(fileName, `解压后总大小过大（超过 ${mib(limits.maxTotalBytes)}）`);
  return null;
}

function collect(
  stream: Readable,
  name: string,
  onGrow: (chunkBytes: number, entryBytes: number) => AppError | null,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      const error = onGrow(chunk.length, size);
      if (error) {
        stream.destroy();
        reject(error);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (err) => reject(new Error(`${name}: ${err.message}`)));
    stream.on('end', () => resolve(Buffer.concat(chunks, size)));
  });
}
