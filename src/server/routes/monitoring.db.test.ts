import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

const base = '/api/units/711002/years/2020/monitoring';
const P = '711-0701-JBN-PGN6';
const projectUrl = (code: string, what: string) => `${base}/projects/${encodeURIComponent(code)}/${what}`;
/** A project's monitoring before anything is entered is at version 0 (decision 023; conflicts: versions.db.test.ts). */
const IF_NONE_YET = { 'if-match': '"0"' };

describeEachEngine('monitoring API', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let otherUnit: TestClient;
  let bureau: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区教育局'),
      fiscalYear: 2020,
    });
    await seedOrganisations(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    otherUnit = await signIn(app, getDb(), { role: 'unit', orgCode: '712001' });
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  it('takes spending from the unit and shows plan vs actual with a warning', async () => {
    // 9,000 of 20,000 by June = 45% against 60% planned: 15 points behind → 提示
    const put = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'spending'),
      headers: IF_NONE_YET,
      payload: { entries: [{ month: 6, source: 'fiscal', amount: '9000.00' }] },
    });
    expect(put.statusCode).toBe(204);
    const view = await unit.inject({ url: `${base}?asOfMonth=6` });
    expect(view.statusCode).toBe(200);
    const body = view.json();
    const project = body.projects.find((p: { code: string }) => p.code === P);
    expect([project.spentToDate, project.executionRate, project.months[5].plannedPercent]).toEqual([
      '9000.00',
      '45.00',
      '60.00',
    ]);
    expect(body.warnings.find((w: { id: string }) => w.id === `behind-plan:${P}:6`)).toMatchObject({
      level: '提示',
      followUp: { state: 'open' },
    });
  });

  it('refuses 有可能 without measures (400), and writes from another unit or the bureau (403)', async () => {
    const progress = {
      indicatorName: '补助金发放率',
      month: 6,
      valueToDate: '40%',
      forecast: '85%',
      likelihood: '有可能',
    };
    const missing = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'indicator-progress'),
      headers: IF_NONE_YET,
      payload: progress,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues.map((i: { field: string }) => i.field)).toEqual([
      'deviationCategories',
      'reason',
      'measures',
    ]);
    const ok = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'indicator-progress'),
      headers: IF_NONE_YET,
      payload: { ...progress, deviationCategory: '制度保障', reason: '发放办法待修订', measures: '修订发放办法' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await otherUnit.inject({
          method: 'PUT',
          url: projectUrl(P, 'indicator-progress'),
          headers: IF_NONE_YET,
          payload: progress,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await bureau.inject({
          method: 'PUT',
          url: projectUrl(P, 'spending'),
          headers: IF_NONE_YET,
          payload: { entries: [{ month: 1, source: 'fiscal', amount: '1' }] },
        })
      ).statusCode,
    ).toBe(403);
    expect((await bureau.inject({ url: base })).statusCode).toBe(200);
  });

  it("follows a warning up through the bureau's action (the old follow-up route is gone); adjusts a budget", async () => {
    await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'spending'),
      headers: IF_NONE_YET,
      payload: { entries: [{ month: 6, source: 'fiscal', amount: '9000.00' }] },
    });
    const id = `behind-plan:${P}:6`;
    const followUpOf = async () =>
      (await unit.inject({ url: `${base}?asOfMonth=6` })).json().warnings.find((w: { id: string }) => w.id === id)
        .followUp;
    const old = { step: 'record-action', action: '约谈项目负责人' };
    const gone = await unit.inject({
      method: 'POST',
      url: `${base}/warnings/${encodeURIComponent(id)}/follow-up`,
      payload: old,
    });
    expect(gone.statusCode).toBe(404);
    const action = { kind: '纠偏', body: '约谈项目负责人，7月底前完成发放', deadline: '2099-07-31', warningId: id };
    // The warning is raised at the end of June, not at the default month-end (December): name the month looked at.
    expect((await bureau.inject({ method: 'POST', url: `${base}/actions`, payload: action })).statusCode).toBe(404);
    const recorded = await bureau.inject({
      method: 'POST',
      url: `${base}/actions`,
      payload: { ...action, asOfMonth: 6 },
    });
    expect(recorded.statusCode).toBe(201);
    expect(await followUpOf()).toMatchObject({ state: 'action-recorded', action: '约谈项目负责人，7月底前完成发放' });
    const replied = await unit.inject({
      method: 'POST',
      url: `${base}/actions/${recorded.json().id}/reply`,
      payload: { state: '已整改', reply: '6月补发完毕' },
    });
    expect(replied.statusCode).toBe(200);
    expect((await followUpOf()).state).toBe('closed');
    const adjusted = await unit.inject({
      method: 'POST',
      url: projectUrl(P, 'budget-adjustments'),
      headers: { 'if-match': '"1"' },
      payload: { adjustedBudget: '15000.00', reason: '年中压减', effectiveDate: '2020-06-10' },
    });
    expect(adjusted.statusCode).toBe(201);
    const project = (await unit.inject({ url: `${base}?asOfMonth=6` }))
      .json()
      .projects.find((p: { code: string }) => p.code === P);
    expect([project.adjustedBudget, project.executionRate]).toEqual(['15000.00', '60.00']); // 9,000 / 15,000
  });

  it('previews and applies a payments CSV sent as base64', async () => {
    const csv = `项目编码,日期,金额\n${P},2020-03-05,2500.00\n${P},2020-03-25,500\n`;
    const payload = {
      fileName: 'pay.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      columns: { projectCode: 'A', date: 'B', amount: 'C' },
    };
    const preview = await unit.inject({ method: 'POST', url: `${base}/payments/preview`, payload });
    expect(preview.json().months).toEqual([{ projectCode: P, month: 3, source: 'fiscal', amount: '3000.00' }]);
    expect(preview.json().versions).toEqual({ [P]: 0 });
    expect((await unit.inject({ method: 'POST', url: `${base}/payments`, payload })).statusCode).toBe(400); // no versions: never previewed
    const applied = await unit.inject({
      method: 'POST',
      url: `${base}/payments`,
      payload: { ...payload, expectedVersions: preview.json().versions },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().versions).toEqual({ [P]: 1 });
    const project = (await unit.inject({ url: `${base}?asOfMonth=3` }))
      .json()
      .projects.find((p: { code: string }) => p.code === P);
    expect(project.spentToDate).toBe('3000.00');
  });

  it('gives the bureau every unit it oversees, and refuses units', async () => {
    const response = await bureau.inject({ url: '/api/bureau/years/2020/monitoring?sort=code' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 2, page: 1, pageSize: 50, stale: 0 });
    expect(response.json().items.map((u: { unitCode: string }) => u.unitCode)).toEqual(['711002', '712001']);
    expect((await unit.inject({ url: '/api/bureau/years/2020/monitoring' })).statusCode).toBe(403);
  });
});
