import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

const base = '/api/units/711002/years/2020';
const code = '711-0701-JBN-PGN6';

describeEachEngine('audit log over HTTP', (getDb) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(getDb());
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    const unit = await signIn(app, getDb(), { role: 'unit' });
    const { project, version } = (await unit.inject(`${base}/projects/${code}`)).json();
    const put = await unit.inject({
      method: 'PUT',
      url: `${base}/projects/${code}`,
      headers: { 'if-match': `"${version}"` },
      payload: { ...project, name: '帮扶资金（改）' },
    });
    expect(put.statusCode).toBe(200);
  });

  it('records who changed what, before and after, newest first', async () => {
    const auditor = await signIn(app, getDb(), { role: 'auditor' });
    const page = (await auditor.inject(`${base}/audit?pageSize=1`)).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const [entry] = page.items;
    expect(entry).toMatchObject({
      actor: 'test-unit-711002',
      action: 'update-project',
      entity: 'project',
      entityKey: code,
      unitCode: '711002',
      fiscalYear: 2020,
    });
    expect(entry.before.project.name).toBe('困难职工帮扶资金');
    expect(entry.after.project.name).toBe('帮扶资金（改）');
    const second = (await auditor.inject(`${base}/audit?pageSize=1&page=2`)).json();
    expect(second.items[0]).toMatchObject({ actor: 'system', action: 'import-targets', entity: 'target-document' });
    const projectsOnly = (await auditor.inject(`${base}/audit?entity=project`)).json();
    expect(projectsOnly.items.map((e: { action: string }) => e.action)).toEqual(['update-project']);
  });

  it('exports CSV with a UTF-8 BOM so that Excel reads the Chinese', async () => {
    const department = await signIn(app, getDb(), { role: 'department' });
    const response = await department.inject(`${base}/audit.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('时间(UTC),操作人,操作,单位,年度,对象,对象编码,修改前,修改后');
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z,test-unit-711002,update-project,711002,2020,project,711-0701-JBN-PGN6,"\{/,
    );
    expect(lines).toHaveLength(4); // header, two entries, and the final line break
  });

  it('keeps the log from a unit user (no audit:read)', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit' });
    expect((await unit.inject(`${base}/audit`)).statusCode).toBe(403);
  });
});

describeEachEngine('the bureau-wide audit log: filters, scope, Excel', (getDb) => {
  let app: FastifyInstance;
  let bureau: TestClient;
  const keys = (page: { items: { unitCode: string | null; action: string }[] }) =>
    page.items.map((e) => `${e.unitCode ?? '-'}:${e.action}`);

  beforeAll(async () => {
    const db = getDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(db, SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区第一中学'),
      fiscalYear: 2020,
    });
    await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit('800001', '秦皇岛市博物馆'), fiscalYear: 2020 });
    await seedOrganisations(db);
    app = await buildServer({ db, webRoot: '/nonexistent' });
    const unit = await signIn(app, db, { role: 'unit' });
    const { project, version } = (await unit.inject(`${base}/projects/${code}`)).json();
    const put = await unit.inject({
      method: 'PUT',
      url: `${base}/projects/${code}`,
      headers: { 'if-match': `"${version}"` },
      payload: { ...project, name: '帮扶资金（改）' },
    });
    expect(put.statusCode).toBe(200);
    bureau = await signIn(app, db, { role: 'bureau' });
    const policy = await bureau.inject({
      method: 'PUT',
      url: '/api/bureau/policies/monitoring',
      payload: { overdue: { graceDays: 5 } },
    });
    expect(policy.statusCode).toBe(200);
  });

  it('shows a bureau its tree and its own policy changes, newest first', async () => {
    const page = (await bureau.inject('/api/audit')).json();
    expect(keys(page)).toEqual([
      '-:put-policy',
      '711002:update-project',
      '712001:import-targets',
      '711002:import-targets',
    ]);
    expect(page.items[1]).toMatchObject({ unitName: '秦皇岛市山海关区总工会', actor: 'test-unit-711002' });
  });

  it('keeps another department’s units and the bureau’s policy from a department', async () => {
    const department = await signIn(app, getDb(), { role: 'department' });
    const page = (await department.inject('/api/audit?pageSize=200')).json();
    expect(keys(page)).toEqual(['711002:update-project', '711002:import-targets']);
    const other = (await department.inject('/api/audit?unit=712001')).json();
    expect(other.total).toBe(0);
  });

  it('filters by user, unit, action, entity and date', async () => {
    const get = async (query: string) => keys((await bureau.inject(`/api/audit?${query}`)).json());
    expect(await get('user=UNIT-711')).toEqual(['711002:update-project']);
    expect(await get('unit=712')).toEqual(['712001:import-targets']);
    expect(await get('unit=%E6%80%BB%E5%B7%A5%E4%BC%9A')).toEqual(['711002:update-project', '711002:import-targets']);
    expect(await get('action=import-targets')).toEqual(['712001:import-targets', '711002:import-targets']);
    expect(await get('entity=policy')).toEqual(['-:put-policy']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect(await get(`from=${encodeURIComponent(tomorrow)}`)).toEqual([]);
    expect(await get(`to=${encodeURIComponent(yesterday)}`)).toEqual([]);
    expect(await get(`from=${encodeURIComponent(yesterday)}&to=${encodeURIComponent(tomorrow)}`)).toHaveLength(4);
    expect((await bureau.inject('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('exports the filtered rows to Excel in plain words', async () => {
    const response = await bureau.inject('/api/audit.xlsx?unit=711002');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(3) as unknown[][];
    expect(rows).toHaveLength(2);
    expect(String(rows[0]![2])).toContain('test-unit-711002');
    expect(rows[0]![5]).toBe(`修改了 项目 ${code}`);
    expect(String(rows[0]![6])).toContain('“项目名称”：困难职工帮扶资金 → 帮扶资金（改）');
    expect(String(rows[1]![5])).toMatch(/^导入了 绩效目标 /);
    expect(rows[1]![3]).toBe('711002 秦皇岛市山海关区总工会');
  });

  it('keeps the log from a unit user', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit' });
    expect((await unit.inject('/api/audit')).statusCode).toBe(403);
    expect((await unit.inject('/api/audit.xlsx')).statusCode).toBe(403);
  });
});
