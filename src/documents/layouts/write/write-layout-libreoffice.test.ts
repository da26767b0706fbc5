import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDocument } from '../../../../test/targets-fixtures.ts';
import { PRINTABLE_LAYOUTS } from './printable.ts';
import { writeLayoutDocx } from './write-layout-docx.ts';
import { writeLayoutXlsx } from './write-layout-xlsx.ts';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
// LibreOffice without Calc (libreoffice-writer-nogui alone) cannot open any .xlsx.
const calc = existsSync('/usr/lib/libreoffice/program/libsclo.so');

describe.skipIf(!soffice || !pdftotext)(
  'LibreOffice opens every province form Jixiao prints (skipped without soffice and pdftotext)',
  () => {
    it(
      'prints each layout’s .docx (and .xlsx with Calc) with its title and first project',
      { timeout: 240_000 },
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'jixiao-layouts-lo-'));
        try {
          const document = { ...seedDocument(), fiscalYear: 2020 };
          const files: string[] = [];
          for (const layout of PRINTABLE_LAYOUTS) {
            writeFileSync(join(dir, `${layout.id}.docx`), await writeLayoutDocx(document, layout));
            files.push(`${layout.id}.docx`);
            if (!calc) continue;
            writeFileSync(join(dir, `${layout.id}-sheet.xlsx`), await writeLayoutXlsx(document, layout));
            files.push(`${layout.id}-sheet.xlsx`);
          }
          // One LibreOffice start for all the files: each start costs seconds.
          execFileSync(
            soffice!,
            [
              `-env:UserInstallation=file://${dir}/profile`,
              '--headless',
              '--norestore',
              '--convert-to',
              'pdf',
              '--outdir',
              dir,
              ...files.map((file) => join(dir, file)),
            ],
            { stdio: 'ignore', timeout: 200_000 },
          );
          for (const file of files) {
            const layout = PRINTABLE_LAYOUTS.find((l) => file.startsWith(`${l.id}.`) || file.startsWith(`${l.id}-`))!;
            const pdf = join(dir, file.replace(/\.\w+$/, '.pdf'));
            expect(existsSync(pdf), file).toBe(true);
            execFileSync('pdftotext', [pdf, join(dir, 'out.txt')]);
            const text = readFileSync(join(dir, 'out.txt'), 'utf8').replace(/\s+/g, '');
            expect(text, file).toContain(`2020年度${layout.title}`);
            const named = layout.kind === 'project-targets' ? document.projects[0]!.name : document.unit.name;
            // Narrow cells wrap, and pdftotext interleaves the lines of neighbouring cells: the name's start suffices.
            expect(text, file).toContain(named.slice(0, 4));
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  },
);
