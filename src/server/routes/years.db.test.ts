import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { bookSeedSpending } from '../../../test/evaluation-fixtures.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { buildServer } from '../app.ts';

const P = '711-0701-JBN-PGN6';
const IF_NONE_YET = { 'if-match': '"0"' };
type Targets = { projects: { code: string; indicators: { name: string; target: { raw: string } }[] }[] };

describeEachEngine('fiscal years API', (getDb) => {
  let app: FastifyInstance;
  let bureau: TestClient;
  let unit: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  beforeEach(async () => {
    const db = getDb();
    await clearDatabase(db);
    // 711002: 2020 (copied into 2021); 712001: 2019 and its own 2021 (left alone); 800001: another bureau's.
    await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit('712001', '第一中学'), fiscalYear: 2019 });
    const own2021 = documentForUnit('712001', '第一中学');
    own2021.projects = own2021.projects.slice(0, 1);
    await importTargets(db, SYSTEM_ACTOR, { document: own2021, fiscalYear: 2021 });
    await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit('800001', '博物馆'), fiscalYear: 2020 });
    await seedOrganisations(db);
    await bookSeedSpending(db, '711002', 2020);
    bureau = await signIn(app, db, { role: 'bureau', orgCode: 'SHG-CZJ' });
    unit = await signIn(app, db, { role: 'unit', orgCode: '711002' });
  });

  const open2021 = (client: TestClient, deadlines: object = { targets: '2020-12-31', evaluation: '2022-04-30' }) =>
    client.inject({ method: 'POST', url: '/api/years', payload: { year: 2021, deadlines } });

  it("opens a year: copies each unit's latest targets as a draft, leaves units that have the year, once", async () => {
    const opened = await open2021(bureau);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      copied: 1,
      alreadyPresent: 1,
      year: {
        year: 2021,
        orgCode: 'SHG-CZJ',
        status: 'open',
        // Not given: the monitoring deadline is the policy's first checkpoint (July, due 08-31).
        deadlines: { targets: '2020-12-31', monitoring: '2021-08-31', evaluation: '2022-04-30' },
        openedBy: bureau.username,
      },
    });
    const before = (await unit.inject('/api/units/711002/years/2020/targets')).json() as Targets;
    const copy = await unit.inject('/api/units/711002/years/2021/targets');
    expect(copy.statusCode).toBe(200);
    expect((copy.json() as Targets).projects).toEqual(before.projects);
    expect((await unit.inject('/api/units/711002/years/2021/workflow')).json()).toMatchObject({ state: 'draft' });
    // The unit that had 2021 keeps its one project; the other bureau's unit gets nothing.
    const kept = (await bureau.inject('/api/units/712001/years/2021/targets')).json() as Targets;
    expect(kept.projects).toHaveLength(1);
    const admin = await signIn(app, getDb(), { role: 'admin' });
    expect((await admin.inject('/api/units/800001/years/2021/targets')).statusCode).toBe(404);

    const again = await open2021(bureau);
    expect(again.statusCode).toBe(409);
    const years = (await unit.inject('/api/years')).json() as { items: { year: number; status: string }[] };
    expect(years.items.map((y) => [y.year, y.status])).toEqual([
      [2021, 'open'],
      [2020, 'open'],
    ]);
    // The unit's history says where its draft came from.
    const audit = (await bureau.inject('/api/units/711002/years/2021/audit')).json() as {
      items: { action: string; after: unknown }[];
    };
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'open-fiscal-year', after: { copiedFromYear: 2020 } }),
    ]);
  });

  it('changes an open year’s deadlines; a closed year’s deadlines stay as they were', async () => {
    await open2021(bureau);
    const url = '/api/years/2021/deadlines';
    const deadlines = { targets: '2021-01-15', monitoring: '2021-07-31', evaluation: null };
    const put = await bureau.inject({ method: 'PUT', url, payload: { deadlines } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ deadlines });
    expect((await unit.inject({ method: 'PUT', url, payload: { deadlines } })).statusCode).toBe(403);
    await bureau.inject({ method: 'POST', url: '/api/years/2021/close', payload: {} });
    const closed = await bureau.inject({ method: 'PUT', url, payload: { deadlines } });
    expect(closed.statusCode).toBe(423);
    expect(closed.json().error.details).toEqual({ closedYear: 2021 });
  });

  it('refuses deadlines out of order and years of another bureau, and non-bureau roles', async () => {
    const wrong = await open2021(bureau, { targets: '2021-09-01', monitoring: '2021-08-31' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('运行监控截止日期不能早于绩效目标填报截止日期');
    for (const role of ['unit', 'department', 'auditor'] as const) {
      const client = await signIn(app, getDb(), { role });
      expect((await open2021(client)).statusCode, role).toBe(403);
    }
    const other = await bureau.inject({
      method: 'POST',
      url: '/api/years',
      payload: { year: 2021, orgCode: 'QHD-CZJ' },
    });
    expect(other.statusCode).toBe(403);
  });

  it('a closed year refuses every write to targets, workflow, monitoring and 自评 with 423; reopened, writes work', async () => {
    const close = await bureau.inject({ method: 'POST', url: '/api/years/2020/close', payload: {} });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json()).toMatchObject({ year: 2020, status: 'closed', closedBy: bureau.username });
    const base = '/api/units/711002/years/2020';
    const project = await unit.inject(`${base}/projects/${P}`);
    const writes = [
      { method: 'DELETE', url: `${base}/projects/${P}`, headers: { 'if-match': project.headers.etag as string } },
      { method: 'POST', url: `${base}/workflow/submit`, payload: { expectedVersion: 0 } },
      {
        method: 'PUT',
        url: `${base}/monitoring/projects/${P}/spending`,
        headers: IF_NONE_YET,
        payload: { entries: [{ month: 6, source: 'fiscal', amount: '9000.00' }] },
      },
      { method: 'PUT', url: `${base}/evaluation`, headers: IF_NONE_YET, payload: DEMO_EVALUATION },
    ] as const;
    for (const write of writes) {
      const response = await unit.inject(write);
      expect(response.statusCode, `${write.method} ${write.url}: ${response.body}`).toBe(423);
      expect(response.json().error).toMatchObject({
        message: '2020 年度已关闭，只能查看',
        details: { closedYear: 2020 },
      });
    }
    expect((await unit.inject(`${base}/targets`)).statusCode).toBe(200);
    // The other bureau's units are not in this bureau's year.
    const admin = await signIn(app, getDb(), { role: 'admin' });
    const otherSpending = await admin.inject({ ...writes[2], url: writes[2].url.replace('711002', '800001') });
    expect(otherSpending.statusCode).toBe(204);

    const noReason = await bureau.inject({ method: 'POST', url: '/api/years/2020/reopen', payload: {} });
    expect(noReason.statusCode).toBe(400);
    const reopen = await bureau.inject({
      method: 'POST',
      url: '/api/years/2020/reopen',
      payload: { reason: '补录监控数据' },
    });
    expect(reopen.json()).toMatchObject({ status: 'open', reopenReason: '补录监控数据' });
    expect((await unit.inject(writes[2])).statusCode).toBe(204);
  });

  it("shows last year's targets and 实际完成值 beside the new year's draft", async () => {
    await unit.inject({
      method: 'PUT',
      url: '/api/units/711002/years/2020/evaluation',
      headers: IF_NONE_YET,
      payload: DEMO_EVALUATION,
    });
    await open2021(bureau);
    const previous = await unit.inject('/api/units/711002/years/2021/previous-actuals');
    expect(previous.statusCode).toBe(200);
    const body = previous.json() as { previousYear: number; items: { projectCode: string; actual: string | null }[] };
    expect(body.previousYear).toBe(2020);
    const ofP = body.items.filter((item) => item.projectCode === P);
    expect(ofP.length).toBeGreaterThan(0);
    expect(ofP.some((item) => item.actual !== null)).toBe(true);
    expect((await unit.inject('/api/units/712001/years/2021/previous-actuals')).statusCode).toBe(403);
  });
});
