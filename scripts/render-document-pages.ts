/**
 * Renders the seed's .docx (through LibreOffice) and .pdf exports to PNG page images under docs/documents/, so the
 * layout can be looked at and compared with the official tables. Needs soffice (libreoffice-writer-nogui) and
 * pdftoppm/pdftotext (poppler-utils) on PATH; they are tools for this script, not dependencies of Jixiao.
 *   npx tsx scripts/render-document-pages.ts [outDir]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeTargetsDocx } from '../src/documents/docx/index.ts';
import { writeTargetsPdf } from '../src/documents/pdf/index.ts';
import type { TargetsDocument } from '../src/domain/targets.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'docs/documents'));

for (const tool of ['soffice', 'pdftoppm', 'pdftotext']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`render-document-pages: ${tool} not found (apt-get install libreoffice-writer-nogui poppler-utils)`);
    process.exit(1);
  }
}

const seed = JSON.parse(
  readFileSync(join(root, 'test/fixtures/shanhaiguan-2020.expected.json'), 'utf8'),
) as TargetsDocument;
const document: TargetsDocument = { ...seed, fiscalYear: 2020 };
const work = mkdtempSync(join(tmpdir(), 'jixiao-render-'));
mkdirSync(outDir, { recursive: true });

try {
  writeFileSync(join(work, 'seed.docx'), await writeTargetsDocx(document));
  writeFileSync(join(work, 'seed-direct.pdf'), await writeTargetsPdf(document));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${work}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      join(work, 'seed.docx'),
    ],
    { stdio: 'ignore' },
  );
  render(join(work, 'seed.pdf'), 'docx');
  render(join(work, 'seed-direct.pdf'), 'pdf');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Page 1 (cover and contents), the first page of 第一部分, and the first page of project tables. */
function render(pdf: string, prefix: string): void {
  const pages = pageTexts(pdf);
  const part1 = pages.findIndex((text, i) => i > 0 && text.includes('第一部分')) + 1;
  const tables = pages.findIndex((text, i) => i > 0 && text.includes('绩效目标表') && text.includes('项目编码')) + 1;
  for (const [name, page] of [
    ['page-1', 1],
    ['part-1', part1],
    ['tables', tables],
  ] as const) {
    if (page < 1) continue;
    const base = join(outDir, `${prefix}-${name}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
    console.log(`${base}.png (page ${page} of ${pages.length})`);
  }
}

function pageTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}
