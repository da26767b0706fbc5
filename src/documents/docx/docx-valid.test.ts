import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetsDocument } from '../../domain/targets.ts';
import { fixtureJson } from '../../../test/seed-text.ts';
import { parseXmlSafely } from '../xml-guard.ts';
import { readZipSafely } from '../zip-guard.ts';
import { type XmlNode, attr, bodyOf, childrenOf, findChild, tagOf } from './docx-body.ts';
import { readTargetsDocx, writeTargetsDocx } from './index.ts';

const seed = (): TargetsDocument => ({
  ...(fixtureJson('shanhaiguan-2020.expected.json') as TargetsDocument),
  fiscalYear: 2020,
});

let files: Map<string, Buffer>;
let bytes: Buffer;
beforeAll(async () => {
  bytes = await writeTargetsDocx(seed());
  files = await readZipSafely(bytes, { fileName: 'seed.docx' });
});

const xml = (part: string): XmlNode[] =>
  parseXmlSafely(files.get(part)!, { fileName: 'seed.docx', part, parser: { preserveOrder: true } }) as XmlNode[];
const text = (part: string): string => files.get(part)!.toString('utf8');

/** Every cell of a table as [row, first grid column, span, vMerge]. */
function layout(tbl: XmlNode): { columns: number; rows: { start: number; span: number; merge: string | null }[][] } {
  const columns = childrenOf(findChild(tbl, 'w:tblGrid')!).filter((n) => tagOf(n) === 'w:gridCol').length;
  const rows = childrenOf(tbl)
    .filter((n) => tagOf(n) === 'w:tr')
    .map((tr) => {
      let start = 0;
      return childrenOf(tr)
        .filter((n) => tagOf(n) === 'w:tc')
        .map((tc) => {
          const tcPr = findChild(tc, 'w:tcPr');
          const span = Number(attr(findChild(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? '1');
          const vMerge = findChild(tcPr ?? {}, 'w:vMerge');
          const cell = { start, span, merge: vMerge ? (attr(vMerge, 'w:val') ?? 'continue') : null };
          start += span;
          return cell;
        });
    });
  return { columns, rows };
}

describe('the exported .docx is a well-formed package', () => {
  it('has every part its relationships and content types name', () => {
    expect(text('[Content_Types].xml')).toContain('PartName="/word/document.xml"');
    for (const rels of [...files.keys()].filter((name) => name.endsWith('.rels'))) {
      const base = rels.replace(/_rels\/[^/]*\.rels$/, '');
      for (const [, target, mode] of text(rels).matchAll(/Target="([^"]+)"(?: TargetMode="(\w+)")?/g)) {
        if (mode === 'External') continue;
        const path = target!.startsWith('/') ? target!.slice(1) : `${base}${target}`;
        expect(files.has(path), `${rels} → ${path}`).toBe(true);
      }
    }
  });

  it('has tables whose every row covers the grid, and merges that continue a cell above in the same columns', () => {
    const body = bodyOf(xml('word/document.xml'))!;
    const tables = childrenOf(body).filter((n) => tagOf(n) === 'w:tbl');
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      const { columns, rows } = layout(table);
      rows.forEach((cells, r) => {
        expect(
          cells.reduce((sum, c) => sum + c.span, 0),
          `row ${r + 1}`,
        ).toBe(columns);
        for (const cell of cells.filter((c) => c.merge === 'continue')) {
          const above = rows[r - 1]?.find((c) => c.start === cell.start && c.span === cell.span);
          expect(above?.merge, `row ${r + 1} column ${cell.start + 1}`).toMatch(/^(restart|continue)$/);
        }
      });
    }
  });

  it('is A4, says its East Asian text is zh-CN, numbers its pages and holds a TOC field over Heading 1–2', () => {
    expect(text('word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(text('word/styles.xml')).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(text('word/styles.xml')).toMatch(/w:eastAsia="仿宋"/);
    const footers = [...files.keys()].filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.some((name) => /PAGE/.test(text(name)))).toBe(true);
    expect(text('word/document.xml')).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    expect(text('word/document.xml')).toContain('<w:pStyle w:val="Heading1"/>');
  });
});

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

describe.skipIf(!soffice || !pdftotext)(
  'LibreOffice opens the .docx (skipped without soffice and pdftotext: npm run setup:test installs them)',
  () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'jixiao-docx-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('converts it to a PDF holding the Chinese text of every part and table', () => {
      writeFileSync(join(dir, 'seed.docx'), bytes);
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'seed.docx'),
        ],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      execFileSync('pdftotext', ['-layout', join(dir, 'seed.pdf'), join(dir, 'seed.txt')]);
      const pdfText = readFileSync(join(dir, 'seed.txt'), 'utf8');
      for (const expected of [
        '第一部分',
        '总体绩效目标',
        '第二部分',
        '困难职工帮扶资金绩效目标表',
        '711-0701-JBN-PGN6',
        '群众满意度',
        '行业标准',
      ]) {
        expect(pdfText).toContain(expected);
      }
    }, 150_000);

    it('reads back the same document after LibreOffice saved it again as .docx (another producer)', async () => {
      writeFileSync(join(dir, 'again.docx'), bytes);
      const out = join(dir, 'out');
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          out,
          join(dir, 'again.docx'),
        ],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      const resaved = readFileSync(join(out, 'again.docx'));
      expect(resaved.equals(bytes)).toBe(false);
      const { document } = await readTargetsDocx(resaved, { fileName: 'again.docx' });
      expect(document).toStrictEqual(seed());
    }, 150_000);
  },
);
