import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { readTables } from '../../documents/layouts/read-tables.ts';
import { readGrids } from '../../documents/tables/read-grids.ts';
import { readTargetsXlsx, writeTargetsXlsx } from '../../documents/xlsx/index.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

const base = '/api/units/711002/years/2020';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function zipEntryNames(buffer: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: false }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => names.push(entry.fileName));
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
    });
  });
}

describeEachEngine('document routes', (getDb) => {
  let app: FastifyInstance;
  let admin: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    admin = await signIn(app, getDb(), { role: 'admin' });
  });

  beforeEach(async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  });

  const upload = (client: TestClient, path: string, body: Buffer, fileName = '上传.xlsx') =>
    client.inject({
      method: 'POST',
      url: `${base}/${path}?fileName=${encodeURIComponent(fileName)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const targets = async () => (await admin.inject({ method: 'GET', url: `${base}/targets` })).json();

  it('sends the unit-year as .xlsx with its content type and a Chinese file name (RFC 5987)', async () => {
    const response = await admin.inject({ method: 'GET', url: `${base}/export.xlsx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="711002-2020.xlsx"; filename*=UTF-8''${encodeURIComponent('秦皇岛市山海关区总工会2020年绩效目标.xlsx')}`,
    );
    const { document } = await readTargetsXlsx(response.rawPayload, { fileName: 'download.xlsx' });
    expect(document).toEqual({ ...seedDocument(), fiscalYear: 2020 });
  });

  it('prints the targets in a province’s form with ?layout=, and names the forms for an unknown one', async () => {
    const response = await admin.inject({ method: 'GET', url: `${base}/export.docx?layout=sichuan-integrated` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('秦皇岛市山海关区总工会2020年绩效目标（四川一体化）.docx'),
    );
    const reading = readTables(await readGrids(response.rawPayload, 'download.docx'));
    expect(new Set(reading.tables.map((table) => table.layout))).toEqual(new Set(['sichuan-integrated']));
    expect(reading.targets!.projects.map((p) => p.name)).toEqual(seedDocument().projects.map((p) => p.name));
    const xlsx = await admin.inject({ method: 'GET', url: `${base}/export?format=xlsx&layout=hunan` });
    expect(xlsx.statusCode).toBe(200);
    const unknown = await admin.inject({ method: 'GET', url: `${base}/export.xlsx?layout=guangdong` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('sichuan-integrated');
    const pdf = await admin.inject({ method: 'GET', url: `${base}/export.pdf?layout=central` });
    expect(pdf.statusCode).toBe(400);
  });

  it('sends .docx and .pdf with their content types, and the blank template', async () => {
    const docx = await admin.inject({ method: 'GET', url: `${base}/export.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await admin.inject({ method: 'GET', url: `${base}/export.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const template = await admin.inject({ method: 'GET', url: '/api/template.xlsx' });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain(encodeURIComponent('绩效目标填报模板.xlsx'));
  });

  it('previews an upload with notes and review findings, and saves nothing', async () => {
    const before = await targets();
    const edited = seedDocument();
    edited.projects[0]!.name = '改过的项目名称';
    const response = await upload(admin, 'import/preview', await writeTargetsXlsx(edited));
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.document.projects[0].name).toBe('改过的项目名称');
    expect(preview.replaces).toBe(true);
    expect(preview.notes.map((n: { code: string }) => n.code)).toContain('target-missing-number');
    expect(['优', '良', '中', '差']).toContain(preview.review.grade);
    expect(preview.review.findings.length).toBeGreaterThan(0);
    // Jixiao's own workbook: read by its strict reader (no tables to recognise); the unit by its stated code.
    expect(preview.recognised).toEqual([]);
    expect(preview.unitMatch).toEqual({
      how: 'stated-code',
      stated: { code: '711002', name: '秦皇岛市山海关区总工会' },
      unit: { code: '711002', name: '秦皇岛市山海关区总工会' },
    });
    expect(await targets()).toEqual(before);
  });

  it('imports an upload, and a broken one names the cell and changes nothing', async () => {
    const edited = seedDocument();
    edited.projects[1]!.budget = { total: '15000.00', fiscal: '15000.00', other: null };
    const saved = await upload(admin, 'import', await writeTargetsXlsx(edited));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      unitCode: '711002',
      fiscalYear: 2020,
      projects: 4,
      indicators: 12,
      replaced: true,
    });
    const after = await targets();
    expect(after.projects[1].budget.total).toBe('15000.00');

    const broken = seedDocument();
    broken.projects[3]!.indicators[0]!.name = '';
    const failed = await upload(admin, 'import', await writeTargetsXlsx(broken));
    expect(failed.statusCode).toBe(400);
    expect(failed.json().error.message).toBe('工作表“指标明细”单元格 E11：三级指标不能为空');
    expect(await targets()).toEqual(after);
  });

  it('refuses in preview exactly what the import refuses, with the same code and issues', async () => {
    const before = await targets();
    const duplicated = seedDocument();
    duplicated.projects[2]!.code = duplicated.projects[0]!.code;
    for (const [file, name] of [
      [await writeTargetsXlsx(duplicated), '重复编码.xlsx'],
      [Buffer.from(JSON.stringify({ ...duplicated, format: 'jixiao/targets@1' })), '重复编码.json'],
    ] as const) {
      const preview = await upload(admin, 'import/preview', file, name);
      const imported = await upload(admin, 'import', file, name);
      expect(imported.statusCode).toBe(400);
      // The Excel reader refuses the repeated code itself (BAD_INPUT); exchange JSON passes the reader
      // and is refused by the import's own check (VALIDATION), which the preview used to skip.
      expect(imported.json().error.code).toBe(name.endsWith('.json') ? 'VALIDATION' : 'BAD_INPUT');
      expect(preview.statusCode).toBe(imported.statusCode);
      expect(preview.json().error).toEqual(imported.json().error);
    }
    expect(await targets()).toEqual(before);
  });

  it("refuses another unit's file and an empty body", async () => {
    const other = await upload(admin, 'import', await writeTargetsXlsx(documentForUnit('799001', '别的单位')));
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('799001') });
    const empty = await upload(admin, 'import/preview', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const spec = (await admin.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/units/{unitCode}/years/{year}/export.{format}',
        '/api/template.xlsx',
        '/api/units/{unitCode}/years/{year}/import/preview',
        '/api/units/{unitCode}/years/{year}/import',
        '/api/bureau/years/{year}/export.zip',
      ]),
    );
  });

  it('keeps a unit user to its own unit', async () => {
    const stranger = await signIn(app, getDb(), { role: 'unit', orgCode: '799001' });
    const response = await stranger.inject({ method: 'GET', url: `${base}/export.xlsx` });
    expect(response.statusCode).toBe(403);
  });

  it('streams every unit of the year as one zip, with the unit count in a header', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: documentForUnit('799001', '第二个单位'), fiscalYear: 2020 });
    const response = await admin.inject({ method: 'GET', url: '/api/bureau/years/2020/export.zip?format=xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['x-jixiao-units']).toBe('2');
    expect(await zipEntryNames(response.rawPayload)).toEqual([
      '711002-秦皇岛市山海关区总工会2020年绩效目标.xlsx',
      '799001-第二个单位2020年绩效目标.xlsx',
    ]);
  });
});
