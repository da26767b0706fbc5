import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findSoffice } from './libreoffice.ts';
import { readGrids } from './read-grids.ts';

const soffice = findSoffice();

async function sampleDocx(): Promise<Buffer> {
  const cell = (text: string, rowSpan?: number) =>
    new TableCell({ children: [new Paragraph(text)], ...(rowSpan ? { rowSpan } : {}) });
  const table = new Table({
    columnWidths: [2000, 2000, 2000],
    rows: [
      new TableRow({ children: [cell('一级指标'), cell('三级指标'), cell('指标值')] }),
      new TableRow({ children: [cell('产出指标', 2), cell('培训人次'), cell('≥ 300')] }),
      new TableRow({ children: [cell('合格率'), cell('95%')] }),
    ],
  });
  // Word always ends a body with a paragraph; LibreOffice drops a table that ends the body when it writes a .doc.
  const children = [new Paragraph('单位：元'), table, new Paragraph('')];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('readGrids: old Office files', () => {
  it('asks for LibreOffice or a .docx when soffice is not on the PATH', async () => {
    vi.stubEnv('PATH', '/nonexistent');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(readGrids(ole, '目标表.doc')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message:
        '目标表.doc：读取 .doc 文件需要 LibreOffice：请安装（Debian/Ubuntu：apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）或在 Word/WPS 中另存为 .docx/.xlsx',
      location: { file: '目标表.doc' },
    });
  });

  describe.skipIf(!soffice)(
    'with LibreOffice (skipped: soffice is not on the PATH; npm run setup:test installs it)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-grids-lo-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      it('converts a .doc and reads its table, merges filled', { timeout: 120_000 }, async () => {
        writeFileSync(join(dir, 'sample.docx'), await sampleDocx());
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'doc',
            '--outdir',
            dir,
            join(dir, 'sample.docx'),
          ],
          { stdio: 'ignore', timeout: 120_000 },
        );
        const doc = readFileSync(join(dir, 'sample.doc'));
        expect([...doc.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
        // A name without the extension: the content says it is an old Word file.
        const file = await readGrids(doc, '目标表');
        expect(file.kind).toBe('docx');
        expect(file.fileName).toBe('目标表');
        expect(file.grids[0]!.rows).toEqual([
          ['一级指标', '三级指标', '指标值'],
          ['产出指标', '培训人次', '≥ 300'],
          ['产出指标', '合格率', '95%'],
        ]);
        expect(file.grids[0]!.origin[2]![0]).toBe('merge');
        expect(file.grids[0]!.above).toEqual(['单位：元']);
      });
    },
  );
});
