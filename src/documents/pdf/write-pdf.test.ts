import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson } from '../../../test/seed-text.ts';
import { writeTargetsPdf } from './index.ts';

const seed = (): TargetsDocument => ({
  ...(fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument),
  fiscalYear: 2020,
});

let pdf: Buffer;
beforeAll(async () => {
  pdf = await writeTargetsPdf(seed());
}, 60_000);

/** Every Flate stream of the file, inflated. */
function streams(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const out: string[] = [];
  for (const match of text.matchAll(/\/FlateDecode[^]*?>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // a stream that is not one (binary font data is inflated too; anything else is skipped)
    }
  }
  return out;
}

describe('writeTargetsPdf', () => {
  it('writes a complete PDF with the CJK font embedded as a subset, not the whole 15 MB font', () => {
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Bold/);
    expect(text).toContain('/FontFile2');
    expect(pdf.length).toBeLessThan(1024 * 1024);
  });

  it('maps its glyphs back to Unicode, so the Chinese text can be searched and copied', () => {
    const cmaps = streams(pdf).filter((s) => s.includes('begincmap'));
    expect(cmaps.length).toBeGreaterThanOrEqual(2);
    // 绩 U+7EE9, 效 U+6548: pdfkit writes each glyph's Unicode as <XXXX> in the ToUnicode CMap.
    const all = cmaps.join('\n').toLowerCase();
    expect(all).toContain('<7ee9>');
    expect(all).toContain('<6548>');
  });

  it('breaks a table taller than a page, even inside one merged 一级 group', async () => {
    const base = seed();
    const indicator = base.projects[0]!.indicators[0]!;
    const indicators = Array.from({ length: 80 }, (_, i) => ({
      ...indicator,
      level2: `二级${Math.floor(i / 20)}`,
      name: `指标${i + 1}`,
    }));
    const long = await writeTargetsPdf({ ...base, projects: [{ ...base.projects[0]!, indicators }] });
    const pages = (bytes: Buffer): number => bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
    // 9 pages before 第二部分 (as for the seed), then 80 rows whose two-line description makes them ~34 pt: ~2700 pt
    // over pages of ~698 pt of body, so at least 4 pages of table.
    expect(pages(pdf)).toBe(12);
    expect(pages(long)).toBeGreaterThanOrEqual(13);
  }, 60_000);

  it('refuses a unit code that the table head cannot carry', async () => {
    const error = await writeTargetsPdf({ ...seed(), unit: { code: 'ABC', name: '某单位' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
  });
});

const poppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdfinfo']).status === 0;

describe.skipIf(!poppler)(
  'the PDF read by poppler (skipped without pdftotext/pdfinfo: npm run setup:test installs them)',
  () => {
    it('yields the Chinese text of the cover, both parts and every table, and a contents page with page numbers', () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
      try {
        writeFileSync(join(dir, 'seed.pdf'), pdf);
        const text = execFileSync('pdftotext', ['-layout', join(dir, 'seed.pdf'), '-'], { encoding: 'utf8' });
        const pages = text.split('\f');
        expect(pages[0]).toContain('秦皇岛市山海关区总工会2020年绩效目标');
        // The contents entry's page number is the page the table's title is on.
        const entry = /1、困难职工帮扶资金绩效目标表\s+(\d+)\n/.exec(pages[0]!);
        expect(entry).not.toBeNull();
        expect(pages[Number(entry![1]) - 1]).toMatch(
          /^\s*1、困难职工帮扶资金绩效目标表|\n\s*1、困难职工帮扶资金绩效目标表/,
        );
        for (const expected of [
          '第一部分',
          '部门整体绩效目标',
          '第二部分',
          '预算项目绩效目标',
          '711-0701-JBN-PGN6',
          '群众满意度',
        ]) {
          expect(text).toContain(expected);
        }
        // pdftotext may space out the footer's characters
        expect(pages[2]).toMatch(/—\s*3\s*—/);
        const info = execFileSync('pdfinfo', [join(dir, 'seed.pdf')], { encoding: 'utf8' });
        expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
