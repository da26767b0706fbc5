import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { type DocxTable, bodyOf, readBody } from '../../documents/docx/docx-body.ts';
import { parseXmlSafely } from '../../documents/xml-guard.ts';
import { readZipSafely } from '../../documents/zip-guard.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import { buildServer } from '../app.ts';

const base = '/api/units/711002/years/2020';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function docxTables(bytes: Buffer): Promise<DocxTable[]> {
  const part = 'word/document.xml';
  const files = await readZipSafely(bytes, { fileName: 'r.docx' });
  const root = parseXmlSafely(files.get(part)!, {
    fileName: 'r.docx',
    part,
    parser: { preserveOrder: true },
  }) as Record<string, unknown>[];
  return readBody(bodyOf(root)!).filter((b): b is DocxTable => b.kind === 'table');
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describeEachEngine('自评表 and 监控表 downloads', (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    await clearDatabase(getDb());
    await loadDemoDataIfEmpty(getDb());
  }, 120_000);

  it('gives the unit its 自评表 as Word with the scores the screen shows', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const response = await unit.inject(`${base}/evaluation.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="711002-2020-evaluation.docx"; filename*=UTF-8''${encodeURIComponent('秦皇岛市山海关区总工会2020年度项目支出绩效自评表.docx')}`,
    );
    const screen = (await unit.inject(`${base}/evaluation`)).json() as {
      projects: { name: string; score: { score: number; grade: string } }[];
    };
    const tables = await docxTables(response.rawPayload);
    expect(tables).toHaveLength(screen.projects.length);
    tables.forEach((table, p) => {
      const project = screen.projects[p]!;
      expect(table.rows[1]!.map((c) => c.text)).toEqual(['项目名称', project.name]);
      expect(table.rows[2]![1]!.text).toBe('秦皇岛市山海关区总工会（部门）');
      expect(table.rows.at(-1)!.map((c) => c.text)).toEqual([
        '总分',
        '100.00',
        project.score.score.toFixed(2),
        `等级：${project.score.grade}`,
      ]);
    });
  });

  it('gives the 自评表 as Excel: the 汇总 sheet carries each project score and grade as numbers', async () => {
    const bureau = await signIn(app, getDb(), { role: 'bureau' });
    const response = await bureau.inject(`${base}/evaluation.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const score = (await bureau.inject(`${base}/score`)).json() as {
      projects: { code: string; score: number; grade: string }[];
    };
    const summary = (await workbook(response.rawPayload)).getWorksheet('汇总')!;
    score.projects.forEach((project, p) => {
      const row = summary.getRow(4 + p);
      expect([row.getCell(1).value, row.getCell(6).value, row.getCell(7).value]).toEqual([
        project.code,
        project.score,
        project.grade,
      ]);
    });
  });

  it('gives the 监控表 as of a chosen month with the monitoring figures', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const screen = (await unit.inject(`${base}/monitoring?asOfMonth=7`)).json() as {
      projects: { code: string; spentToDate: string; executionRate: string | null }[];
    };
    const response = await unit.inject(`${base}/monitoring.xlsx?asOfMonth=7`);
    expect(response.statusCode).toBe(200);
    expect(
      decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers['content-disposition'] as string)![1]!),
    ).toBe('秦皇岛市山海关区总工会2020年度绩效运行监控表.xlsx');
    const book = await workbook(response.rawPayload);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getCell('E3').value).toBe('1-7月执行数');
    screen.projects.forEach((project, p) => {
      const row = summary.getRow(4 + p);
      expect(row.getCell(1).value).toBe(project.code);
      expect(row.getCell(5).value).toBe(Number(project.spentToDate));
      expect(row.getCell(6).value).toBe(project.executionRate === null ? null : Number(project.executionRate));
    });
    const docx = await unit.inject(`${base}/monitoring.docx?asOfMonth=7`);
    expect(docx.statusCode).toBe(200);
    expect((await docxTables(docx.rawPayload))[0]!.rows[5]!.map((c) => c.text)[5]).toBe('1-7月执行情况');
  });

  it('serves PDF too, and refuses another unit and a bad format', { timeout: 60_000 }, async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const pdf = await unit.inject(`${base}/evaluation.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const other = await signIn(app, getDb(), { role: 'unit', orgCode: '712001' });
    expect((await other.inject(`${base}/monitoring.docx`)).statusCode).toBe(403);
    expect((await unit.inject(`${base}/monitoring.odt`)).statusCode).toBe(400);
    expect((await unit.inject(`${base}/monitoring.xlsx?asOfMonth=13`)).statusCode).toBe(400);
  });
});
