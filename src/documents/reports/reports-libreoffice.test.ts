import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvaluationDocx, writeMonitoringXlsx } from './index.ts';
import { evaluationFixture, monitoringFixture } from './report-fixtures.ts';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
// LibreOffice without Calc (libreoffice-writer-nogui alone) cannot open any .xlsx.
const calc = existsSync('/usr/lib/libreoffice/program/libsclo.so');

describe.skipIf(!soffice || !pdftotext)(
  'LibreOffice prints the reports (skipped without soffice and pdftotext: npm run setup:test installs them)',
  () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'jixiao-reports-lo-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** A file LibreOffice cannot load gives no PDF; a loaded one prints its text (returned without white space). */
    function printed(fileName: string, bytes: Buffer): string {
      writeFileSync(join(dir, fileName), bytes);
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
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      const pdf = join(dir, fileName.replace(/\.\w+$/, '.pdf'));
      expect(existsSync(pdf)).toBe(true);
      execFileSync('pdftotext', [pdf, join(dir, 'out.txt')]);
      // Labels wrap inside narrow cells: compare without the line breaks.
      return readFileSync(join(dir, 'out.txt'), 'utf8').replace(/\s+/g, '');
    }

    it('the 自评表 .docx, every project table with its figures', { timeout: 150_000 }, async () => {
      const text = printed('evaluation.docx', await writeEvaluationDocx(evaluationFixture()));
      for (const expected of [
        '2020年度项目支出绩效自评表',
        '偏差原因分析及改进措施',
        '困难职工帮扶资金',
        '19,600.00',
        '其中：财政拨款',
        '88.80',
        '等级：良',
        '单位自评总分（复核前）',
        '职工体检费',
        '体检人数增加',
        '不可评分（无适用指标）',
      ]) {
        expect(text).toContain(expected);
      }
    });

    it.skipIf(!calc)('the 监控表 .xlsx (needs Calc)', { timeout: 150_000 }, async () => {
      const text = printed('monitoring.xlsx', await writeMonitoringXlsx(monitoringFixture()));
      for (const expected of [
        '项目支出绩效目标执行监控表',
        '1-7月执行情况',
        '完成目标可能性',
        '人员保障：摸底未完成',
        '9,000.00',
      ]) {
        expect(text).toContain(expected);
      }
    });
  },
);
