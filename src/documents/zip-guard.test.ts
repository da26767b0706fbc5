import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { AppError } from '../domain/errors.ts';
import { assertFileSize, countZipEntries, readZipEntries, readZipSafely } from './zip-guard.ts';

function buildZip(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data) : data, name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const CENTRAL = 0x02014b50;

/** Rewrites a field of every central-directory header (offset inside the header, 16 or 32 bits). */
function patchCentral(zip: Buffer, offset: number, write: (b: Buffer, at: number) => void): Buffer {
  const copy = Buffer.from(zip);
  for (let i = 0; i + 4 <= copy.length; i++) {
    if (copy.readUInt32LE(i) === CENTRAL) write(copy, i + offset);
  }
  return copy;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readZipSafely', () => {
  it('returns every entry of a well-formed zip by name', async () => {
    const zip = await buildZip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document>山海关</w:document>',
    });
    const files = await readZipSafely(zip, { fileName: 'a.docx' });
    expect([...files.keys()].sort()).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(files.get('word/document.xml')?.toString('utf8')).toBe('<w:document>山海关</w:document>');
  });

  it('inflates only the entries asked for', async () => {
    const zip = await buildZip({ 'word/document.xml': '<w:document/>', 'word/media/image1.png': randomBytes(1000) });
    const files = await readZipSafely(zip, { fileName: 'a.docx', include: (name) => name.endsWith('.xml') });
    expect([...files.keys()]).toEqual(['word/document.xml']);
  });

  it('refuses data that is not a zip, naming the file', async () => {
    const error = await refusal(
      readZipSafely(Buffer.from('这不是压缩包，只是文字'.repeat(5)), { fileName: '目标.docx' }),
    );
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('目标.docx');
    expect(error.location?.file).toBe('目标.docx');
  });

  it('refuses a truncated zip as damaged', async () => {
    const zip = await buildZip({ 'a.xml': 'x'.repeat(1000) });
    const error = await refusal(readZipSafely(zip.subarray(0, zip.length - 30), { fileName: 't.docx' }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/t\.docx.*损坏/);
  });

  it('refuses more entries than the limit', async () => {
    const entries = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.xml`, 'x']));
    const error = await refusal(
      readZipSafely(await buildZip(entries), { fileName: 'many.xlsx', limits: { maxEntries: 5 } }),
    );
    expect(error.message).toContain('条目过多（6 个，上限 5）');
  });

  it('refuses an entry that declares 1 GB uncompressed before inflating anything', async () => {
    const zip = await buildZip({ 'word/document.xml': Buffer.alloc(1000) });
    // uncompressed size sits at offset 24 of a central-directory header
    const lying = patchCentral(zip, 24, (b, at) => b.writeUInt32LE(1024 * 1024 * 1024, at));
    const error = await refusal(readZipSafely(lying, { fileName: 'bomb.docx' }));
    expect(error.message).toMatch(/bomb\.docx.*word\/document\.xml 解压后过大（1024\.0 MB）/);
  });

  it('refuses a real zip bomb by its compression ratio (20 MB of zeros in a few KB)', async () => {
    const zip = await buildZip({ 'xl/sheet1.xml': Buffer.alloc(20 * 1024 * 1024) });
    expect(zip.length).toBeLessThan(100 * 1024);
    const error = await refusal(readZipSafely(zip, { fileName: 'bomb.xlsx' }));
    expect(error.message).toContain('疑似压缩炸弹');
  });

  it('stops inflating when an entry that declares little inflates to more than the limit', async () => {
    const zip = await buildZip({ 'word/document.xml': randomBytes(3 * 1024 * 1024) });
    // declares 100 bytes, so declared-size and ratio checks pass; the bytes themselves must be counted
    const lying = patchCentral(zip, 24, (b, at) => b.writeUInt32LE(100, at));
    const error = await refusal(
      readZipSafely(lying, { fileName: 'liar.docx', limits: { maxEntryBytes: 1024 * 1024 } }),
    );
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('liar.docx');
  });

  it('refuses when all entries together exceed the total limit', async () => {
    const part = randomBytes(600 * 1024);
    const zip = await buildZip({ 'a.bin': part, 'b.bin': part, 'c.bin': part });
    const error = await refusal(readZipSafely(zip, { fileName: 'big.docx', limits: { maxTotalBytes: 1024 * 1024 } }));
    expect(error.message).toContain('解压后总大小过大');
  });

  it('refuses encrypted entries', async () => {
    const zip = await buildZip({ 'word/document.xml': 'secret' });
    // general-purpose flag bit 0 (offset 8) marks the entry encrypted
    const encrypted = patchCentral(zip, 8, (b, at) => b.writeUInt16LE(b.readUInt16LE(at) | 1, at));
    const error = await refusal(readZipSafely(encrypted, { fileName: 'locked.docx' }));
    expect(error.message).toContain('已加密');
  });

  it('refuses entry names that climb out of the archive', async () => {
    const zip = await buildZip({ 'aa/evil.txt': 'x' });
    const climbing = Buffer.from(zip.toString('latin1').replaceAll('aa/evil.txt', '../evil.txt'), 'latin1');
    const error = await refusal(readZipSafely(climbing, { fileName: 'evil.docx' }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('evil.docx');
  });
});

describe('readZipEntries: the same guard on disk, entry by entry', () => {
  async function onDisk(zip: Buffer, use: (path: string) => Promise<void>): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-zip-guard-'));
    try {
      const path = join(dir, 'units.zip');
      await writeFile(path, zip);
      await use(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const all = async (entries: AsyncIterable<{ name: string }>) => {
    const names: string[] = [];
    for await (const entry of entries) names.push(entry.name);
    return names;
  };

  it('yields the included entries of a zip file one at a time, and counts entries against the limit', async () => {
    const zip = await buildZip({ 'a.json': '{}', 'b.txt': 'x', 'c.png': randomBytes(10) });
    await onDisk(zip, async (path) => {
      const include = (name: string) => !name.endsWith('.png');
      expect(await all(readZipEntries({ path }, { fileName: 'units.zip', include }))).toEqual(['a.json', 'b.txt']);
      expect(await countZipEntries(path, 'units.zip')).toBe(3);
      const error = await refusal(countZipEntries(path, 'units.zip', { maxEntries: 2 }));
      expect(error.message).toContain('条目过多（3 个，上限 2）');
    });
  });

  it('refuses on disk what it refuses in memory: a climbing name, a bomb', async () => {
    const climbing = Buffer.from(
      (await buildZip({ 'aa/evil.txt': 'x' })).toString('latin1').replaceAll('aa/evil.txt', '../evil.txt'),
      'latin1',
    );
    const bomb = await buildZip({ 'zeros.txt': Buffer.alloc(20 * 1024 * 1024) });
    for (const [zip, expected] of [
      [climbing, '../evil.txt'],
      [bomb, '疑似压缩炸弹'],
    ] as const) {
      const inMemory = await refusal(readZipSafely(zip, { fileName: 'units.zip' }));
      await onDisk(zip, async (path) => {
        const fromDisk = await refusal(all(readZipEntries({ path }, { fileName: 'units.zip' })));
        expect(fromDisk.code).toBe('BAD_INPUT');
        expect(fromDisk.message).toContain(expected);
        expect(fromDisk.message).toBe(inMemory.message);
      });
    }
  });
});

describe('assertFileSize', () => {
  it('accepts a file at the limit and refuses one byte more, naming the file', () => {
    expect(() => assertFileSize(Buffer.alloc(10), 10, 'a.docx')).not.toThrow();
    expect(() => assertFileSize(Buffer.alloc(11), 10, 'a.docx')).toThrow(/a\.docx：文件过大/);
  });
});
