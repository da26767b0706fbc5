import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSelfReport } from '../../domain/self-report/report.ts';
import { reportFacts } from '../../domain/self-report/test-fixtures.ts';
import { writeSelfReportDocx } from './index.ts';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

describe.skipIf(!soffice || !pdftotext)(
  'LibreOffice opens the 自评报告 .docx (skipped without soffice and pdftotext: npm run setup:test installs them)',
  () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'jixiao-self-report-lo-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('prints its section headings, figures and the table', { timeout: 150_000 }, async () => {
      const report = buildSelfReport(reportFacts(), { project: 'P001' }, new Map());
      writeFileSync(join(dir, 'report.docx'), await writeSelfReportDocx(report));
      const profile = `-env:UserInstallation=file://${dir}/profile`;
      const args = [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir];
      execFileSync(soffice!, [...args, join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
      expect(existsSync(join(dir, 'report.pdf'))).toBe(true);
      execFileSync('pdftotext', [join(dir, 'report.pdf'), join(dir, 'out.txt')]);
      const text = readFileSync(join(dir, 'out.txt'), 'utf8').replace(/\s+/g, '');
      for (const expected of ['一、基本情况', '二、绩效目标及完成情况', '三、偏差原因分析', '五、结果应用']) {
        expect(text).toContain(expected);
      }
      expect(text).toContain('预算执行率85.00%');
      expect(text).toContain('帮扶覆盖率');
      // Both charts survive as images in LibreOffice's PDF (image XObjects; their smasks may add more).
      const images = readFileSync(join(dir, 'report.pdf'), 'latin1').match(/\/Subtype\s*\/Image/g) ?? [];
      expect(images.length).toBeGreaterThanOrEqual(2);
    });
  },
);
