import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { writeTargetsXlsx, writeTemplateXlsx } from './index.ts';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
// LibreOffice without Calc (libreoffice-writer-nogui alone) cannot open any .xlsx: nothing to check then.
const calc = existsSync('/usr/lib/libreoffice/program/libsclo.so');

describe.skipIf(!soffice || !pdftotext || !calc)(
  'LibreOffice Calc opens the workbooks (skipped without soffice, Calc and pdftotext)',
  () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'jixiao-xlsx-lo-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    /** A file LibreOffice cannot load gives no PDF ("source file could not be loaded"); a loaded one prints its cells. */
    function printed(fileName: string): string {
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
          join(dir, fileName),
        ],
        {
          timeout: 120_000,
          stdio: 'ignore',
        },
      );
      const pdf = join(dir, fileName.replace(/\.xlsx$/, '.pdf'));
      expect(existsSync(pdf)).toBe(true);
      return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    }

    it('the export, with the official per-project tables', { timeout: 180_000 }, async () => {
      await writeFile(join(dir, 'seed.xlsx'), await writeTargetsXlsx({ ...seedDocument(), fiscalYear: 2020 }));
      const text = printed('seed.xlsx');
      expect(text).toContain('1、困难职工帮扶资金绩效目标表');
      expect(text).toContain('单位：元');
      expect(text).toContain('20,000.00');
      expect(text).toContain('补助人群生活改善情况');
    });

    it('the blank template', { timeout: 180_000 }, async () => {
      await writeFile(join(dir, 'template.xlsx'), await writeTemplateXlsx());
      expect(printed('template.xlsx')).toContain('Jixiao 绩效目标工作簿 填写说明');
    });
  },
);
