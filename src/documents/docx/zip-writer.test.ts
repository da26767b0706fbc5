import { describe, expect, it } from 'vitest';
import { readZipSafely } from '../zip-guard.ts';
import { ZipStream, zipParts } from './zip-writer.ts';

const text = (n: number) => Buffer.from(`第${n}个单位 <unit/> `.repeat(200), 'utf8');

describe('zip writer', () => {
  it('writes deflated parts with UTF-8 names that the guarded reader reads back byte for byte', async () => {
    const parts = [
      ['word/document.xml', text(1)],
      ['docProps/标题.xml', Buffer.alloc(0)],
    ] as const;
    const files = await readZipSafely(zipParts(parts, new Date(2020, 5, 30, 12, 0, 0)), { fileName: 'a.zip' });
    expect([...files.keys()]).toEqual(['word/document.xml', 'docProps/标题.xml']);
    expect(files.get('word/document.xml')!.equals(text(1))).toBe(true);
    expect(files.get('docProps/标题.xml')!.length).toBe(0);
  });

  it('streams stored and deflated entries, then the directory, paced by the reader', async () => {
    const zip = new ZipStream();
    const chunks: Buffer[] = [];
    const reading = (async () => {
      for await (const chunk of zip.stream) chunks.push(chunk as Buffer);
    })();
    await zip.add('711002-单位甲.docx', text(2), { compress: false });
    await zip.add('711003-单位乙.json', text(3), { compress: true });
    await zip.end();
    await reading;
    const bytes = Buffer.concat(chunks);
    // The stored entry is in the file as is; the deflated one is smaller than its text.
    expect(bytes.includes(text(2))).toBe(true);
    expect(bytes.length).toBeLessThan(2 * text(2).length);
    const files = await readZipSafely(bytes, { fileName: 'bulk.zip' });
    expect([...files.keys()]).toEqual(['711002-单位甲.docx', '711003-单位乙.json']);
    expect(files.get('711003-单位乙.json')!.equals(text(3))).toBe(true);
  });
});
