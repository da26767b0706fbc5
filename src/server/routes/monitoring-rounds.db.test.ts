import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { readZipSafely } from '../../documents/zip-guard.ts';
import { getUnitMonitoring } from '../../usecases/get-monitoring.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { recordIndicatorProgress } from '../../usecases/record-indicator-progress.ts';
import { recordMonitoringEntry } from '../../usecases/record-monitoring-entry.ts';
import { recordSpending } from '../../usecases/record-spending.ts';
import { buildServer } from '../app.ts';

/*
 * Monitoring per 财预〔2019〕136号 through the API: entered figures, mandatory reasons, submission per checkpoint
 * and its lock, the bureau's and department's actions with the unit's 整改, who may do what, and the prints.
 */
const unitYear = { unitCode: '711002', fiscalYear: 2020 };
const base = '/api/units/711002/years/2020/monitoring';
const P = '711-0701-JBN-PGN6';
const projectUrl = (code: string, what: string) => `${base}/projects/${encodeURIComponent(code)}/${what}`;
const FAR = '2099-12-31';

describeEachEngine('monitoring per 136号 API', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let bureau: TestClient;
  let department: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
  });

  const versionOf = async (code: string) =>
    (await getUnitMonitoring(getDb(), { ...unitYear, asOfMonth: 7 })).projects.find((p) => p.code === code)!.version;

  /** Every project's 全年预计执行数 and every indicator's July progress (确定能), except what `skip` names. */
  const fillJuly = async (skip = '') => {
    const { projects } = await getUnitMonitoring(getDb(), { ...unitYear, asOfMonth: 7 });
    for (const project of projects) {
      if (project.code === skip) continue;
      await recordMonitoringEntry(getDb(), SYSTEM_ACTOR, {
        ...unitYear,
        projectCode: project.code,
        month: 7,
        forecastFullYear: project.initialBudget ?? '0',
        expectedVersion: project.version,
      });
      for (const indicator of project.indicators) {
        await recordIndicatorProgress(getDb(), SYSTEM_ACTOR, {
          ...unitYear,
          projectCode: project.code,
          indicatorName: indicator.name,
          month: 7,
          valueToDate: '进行中',
          forecast: indicator.target,
          likelihood: '确定能',
        });
      }
    }
  };

  it('takes the entered 全年预计执行数 beside the computed hint, exact to the cent', async () => {
    const put = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'entry'),
      headers: { 'if-match': '"0"' },
      payload: { month: 7, forecastFullYear: '18000.1', releasedToDate: '12000', carryOver: '0.05' },
    });
    expect(put.statusCode).toBe(204);
    const view = (await unit.inject({ url: `${base}?asOfMonth=7` })).json();
    const project = view.projects.find((p: { code: string }) => p.code === P);
    expect(project.entries).toEqual([
      {
        month: 7,
        forecastFullYear: '18000.10',
        releasedToDate: '12000.00',
        carryOver: '0.05',
        updatedBy: expect.any(String),
      },
    ]);
    // The computed hint stays beside it: nothing spent + the plan left after July (32.5 % of 20,000).
    expect(project.forecastFullYear).toBe('6500.00');
    expect(view.checkpoints).toEqual([expect.objectContaining({ month: 7, dueDate: '2020-08-31', state: 'overdue' })]);
  });

  it('requires categories, 原因说明 and 改进措施 for 有可能 / 不可能 and reads 完全不可能 as 不可能', async () => {
    const progress = { indicatorName: '补助金发放率', month: 7, valueToDate: '40%', forecast: '85%' };
    const missing = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'indicator-progress'),
      headers: { 'if-match': '"0"' },
      payload: { ...progress, likelihood: '完全不可能', deviationCategories: ['经费保障'] },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['reason', 'measures']);
    const ok = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'indicator-progress'),
      headers: { 'if-match': '"0"' },
      payload: {
        ...progress,
        likelihood: '完全不可能',
        deviationCategories: ['经费保障', '人员保障'],
        reason: '资金到位晚，人员不足',
        measures: '调整发放计划',
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ likelihood: '不可能', deviationCategories: ['经费保障', '人员保障'] });
  });

  it('submits a complete checkpoint once, then locks it; an incomplete one names what is missing', async () => {
    await fillJuly(P);
    const incomplete = await unit.inject({ method: 'POST', url: `${base}/submissions`, payload: { month: 7 } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.message).toMatch(new RegExp(`项目 ${P} 未填报全年预计执行数`));
    const notACheckpoint = await unit.inject({ method: 'POST', url: `${base}/submissions`, payload: { month: 6 } });
    expect(notACheckpoint.json().error.message).toMatch(/不是财政局设定的监控节点/);

    await fillJuly();
    const submitted = await unit.inject({ method: 'POST', url: `${base}/submissions`, payload: { month: 7 } });
    expect(submitted.statusCode).toBe(201);
    const again = await unit.inject({ method: 'POST', url: `${base}/submissions`, payload: { month: 7 } });
    expect(again.statusCode).toBe(409);

    const locked = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'entry'),
      headers: { 'if-match': `"${await versionOf(P)}"` },
      payload: { month: 7, forecastFullYear: '1.00' },
    });
    expect(locked.statusCode).toBe(423);
    // A later checkpoint is a new round: still editable.
    const later = await unit.inject({
      method: 'PUT',
      url: projectUrl(P, 'entry'),
      headers: { 'if-match': `"${await versionOf(P)}"` },
      payload: { month: 12, forecastFullYear: '19000.00' },
    });
    expect(later.statusCode).toBe(204);

    const overview = (await bureau.inject({ url: '/api/bureau/years/2020/monitoring' })).json();
    expect(overview.items.find((r: { unitCode: string }) => r.unitCode === '711002').checkpoint).toMatchObject({
      month: 7,
      state: 'submitted',
    });
  });

  it('lets the bureau and the department act, the unit reply, and not the unit act', async () => {
    const action = { projectCode: P, kind: '纠偏', body: '督促按计划发放补助金', deadline: FAR };
    const byUnit = await unit.inject({ method: 'POST', url: `${base}/actions`, payload: action });
    expect(byUnit.statusCode).toBe(403);
    const created = await bureau.inject({ method: 'POST', url: `${base}/actions`, payload: action });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: '纠偏', state: '待整改', deadline: FAR, reply: null });
    const byDepartment = await department.inject({
      method: 'POST',
      url: `${base}/actions`,
      payload: { projectCode: null, kind: '暂缓拨款', body: '执行进度严重滞后，暂缓下一批拨款', deadline: FAR },
    });
    expect(byDepartment.statusCode).toBe(201);

    const id = created.json().id;
    const noReply = await unit.inject({
      method: 'POST',
      url: `${base}/actions/${id}/reply`,
      payload: { state: '整改中', reply: '' },
    });
    expect(noReply.json().error.location).toEqual({ field: 'reply' });
    const done = await unit.inject({
      method: 'POST',
      url: `${base}/actions/${id}/reply`,
      payload: { state: '已整改', reply: '已完成发放 90%' },
    });
    expect(done.json()).toMatchObject({ state: '已整改', reply: '已完成发放 90%' });
    const reopenByUnit = await unit.inject({
      method: 'POST',
      url: `${base}/actions/${id}/reopen`,
      payload: { reason: '想再改' },
    });
    expect(reopenByUnit.statusCode).toBe(403);
    const reopened = await bureau.inject({
      method: 'POST',
      url: `${base}/actions/${id}/reopen`,
      payload: { reason: '发放率仍低于目标' },
    });
    expect(reopened.json()).toMatchObject({ state: '待整改', reply: '发放率仍低于目标' });
    const view = (await unit.inject({ url: base })).json();
    expect(view.actions.map((a: { kind: string; state: string }) => `${a.kind}:${a.state}`)).toEqual([
      '纠偏:待整改',
      '暂缓拨款:待整改',
    ]);
    const audited = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'entity_key'])
      .where('entity', '=', 'monitoring-action')
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'record-monitoring-action',
      'record-monitoring-action',
      'update-monitoring-action',
      'update-monitoring-action',
    ]);
  });

  it('prints the 绩效监控情况表 and the 监控报告 as Word and PDF', async () => {
    await fillJuly();
    await recordIndicatorProgress(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: P,
      indicatorName: '补助金发放率',
      month: 7,
      valueToDate: '40%',
      forecast: '85%',
      likelihood: '有可能',
      deviationCategories: ['经费保障'],
      reason: '资金下达晚',
      measures: '加快审核发放',
    });
    await unit.inject({ method: 'POST', url: `${base}/submissions`, payload: { month: 7 } });
    // Booked after the submission: the submitted checkpoint still prints what was submitted.
    await recordSpending(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: P,
      entries: [{ month: 3, source: 'fiscal', amount: '5000.00' }],
    });
    const files = '/api/units/711002/years/2020';
    for (const document of ['statement', 'report']) {
      const docx = await unit.inject({ url: `${files}/monitoring-${document}.docx?month=7` });
      expect(docx.statusCode).toBe(200);
      const parts = await readZipSafely(docx.rawPayload, { fileName: 'm.docx' });
      const xml = parts.get('word/document.xml')!.toString('utf8');
      expect(xml).toContain('困难职工帮扶资金');
      expect(xml).toContain(document === 'statement' ? '完成目标可能性' : '资金下达晚');
      if (document === 'statement') expect(xml).not.toContain('5,000.00');
      else expect(xml).toContain('截至7月底执行 0.00 元');
      const pdf = await unit.inject({ url: `${files}/monitoring-${document}.pdf?month=7` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    }
  });
});
