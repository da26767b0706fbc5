import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits, countZipEntries, readZipEntries } from '../zip-guard.ts';
import { fileProblem } from '../../domain/import-problems.ts';

/**
 * Where a many-document import reads from, one document at a time: a directory of target files, a
 * .zip of them, or an .ndjson file with one exchange document per line. `documents()` opens the source
 * anew on each call, and holds one document in memory.
 */
export interface SourceDocument {
  /** The file (or zip entry) it came from; for NDJSON the .ndjson file, with `line`. */
  file: string;
  line?: number;
  content: Uint8Array | string;
  /** Exchange JSON whatever the name says (an NDJSON line). */
  json?: boolean;
}

export interface DocumentSource {
  /** What it is, for messages: "目录 in/", "压缩包 units.zip". */
  description: string;
  /** The number of documents when known without reading them (a directory, a zip); NDJSON: unknown. */
  count?: number;
  documents(): AsyncIterable<SourceDocument>;
}

/** One NDJSON line is one document: the same bound as one zip entry (64 MB), in characters. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

const ACCEPTED_EXTENSIONS = ['.json', '.txt', '.docx', '.xlsx'];

/**
 * A bulk zip holds thousands of small files; it is read entry by entry, so memory is bounded by one
 * entry, and the totals bound only time and disk. The per-entry and ratio guards stay as for uploads.
 */
const BULK_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 100_000, maxTotalBytes: 8 * 1024 ** 3 };

/** True for the paths that go through the many-document import (a directory, .zip, .ndjson/.jsonl). */
export async function isManyDocumentSource(path: string): Promise<boolean> {
  const extension = extname(path).toLowerCase();
  if (['.zip', '.ndjson', '.jsonl'].includes(extension)) return true;
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

export async function openDocumentSource(path: string, limits: ZipLimits = BULK_ZIP_LIMITS): Promise<DocumentSource> {
  const info = await stat(path).catch(() => {
    throw fileProblem('missing', '无法读取：文件或目录不存在', { file: path });
  });
  if (info.isDirectory()) return directorySource(path);
  const extension = extname(path).toLowerCase();
  if (extension === '.zip') return zipSource(path, limits);
  if (extension === '.ndjson' || extension === '.jsonl') return ndjsonSource(path);
  throw new AppError('USAGE', `${basename(path)} 不是目录、.zip 或 .ndjson 文件`, { location: { file: path } });
}

function accepted(name: string): boolean {
  const base = basename(name);
  return (
    !base.startsWith('.') && !name.startsWith('__MACOSX/') && ACCEPTED_EXTENSIONS.includes(extname(base).toLowerCase())
  );
}

async function directorySource(dir: string): Promise<DocumentSource> {
  // Names only (a few bytes each), sorted so that messages and the store order are reproducible.
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && accepted(e.name))
    .map((e) => e.name)
    .sort();
  return {
    description: `目录 ${dir}`,
    count: names.length,
    async *documents() {
      for (const name of names) yield { file: name, content: await readFile(join(dir, name)) };
    },
  };
}

function ndjsonSource(path: string): DocumentSource {
  const file = basename(path);
  return {
    description: `文件 ${file}`,
    async *documents() {
      let line = 0;
      for await (const text of linesOf(path)) {
        line += 1;
        const content = (line === 1 ? text.replace(/^\uFEFF/, '') : text).replace(/\r$/, '');
        if (content.trim() !== '') yield { file, line, content, json: true };
      }
    },
  };
}

/**
 * The lines of a UTF-8 file, pulled chunk by chunk: the stream is read only as fast as lines are
 * consumed, so memory holds one chunk and one line. (readline's async iterator reads ahead up to
 * a thousand lines, which for documents of tens of kilobytes each is tens of megabytes.)
 */
async function* linesOf(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    if (!chunk.includes('\n')) {
      // A long line arrives in many chunks: join them without re-splitting, up to one document's limit.
      rest += chunk;
      if (rest.length > MAX_LINE_CHARS)
        throw fileProblem('line-too-long', `${basename(path)}：有一行超过 ${MAX_LINE_CHARS} 个字符`, {
          file: basename(path),
        });
      continue;
    }
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest !== '') yield rest;
}

async function zipSource(path: string, limits: ZipLimits): Promise<DocumentSource> {
  const file = basename(path);
  const count = await countZipEntries(path, file, limits);
  return {
    description: `压缩包 ${file}`,
    count,
    async *documents() {
      // The one zip guard (zip-guard.ts), entry by entry: memory holds one document.
      for await (const entry of readZipEntries({ path }, { fileName: file, limits, include: accepted })) {
        yield { file: entry.name, content: entry.content };
      }
    },
  };
}
