import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { OTHER_UNIT, UNIT, YEAR, loadWorkflowFixture, opinionBody } from '../../../test/workflow-fixtures.ts';
import { buildServer } from '../app.ts';

const base = `/api/units/${UNIT}/years/${YEAR}`;
const flow = `${base}/workflow`;
const PGN6 = '711-0701-JBN-PGN6';
const projectUrl = `${base}/projects/${PGN6}`;

describeEachEngine('workflow API', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let department: TestClient;
  let otherDepartment: TestClient;
  let bureau: TestClient;
  let auditor: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await clearDatabase(getDb());
    await loadWorkflowFixture(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: UNIT });
    department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    otherDepartment = await signIn(app, getDb(), { role: 'department', orgCode: '712' });
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    auditor = await signIn(app, getDb(), { role: 'auditor', orgCode: 'SHG-CZJ' });
  });

  const post = (client: TestClient, step: string, payload: object = {}) =>
    client.inject({ method: 'POST', url: `${flow}/${step}`, payload });
  const state = async (client: TestClient) => (await client.inject({ method: 'GET', url: flow })).json();
  /** Forms graded 优 for every item at the client's level, then the step (decision 033). */
  const judge = async (client: TestClient, step: 'review' | 'approve') => {
    const url = `${base}/review-opinions`;
    const view = (await client.inject({ method: 'GET', url })).json();
    for (const item of view.items as { projectCode: string | null }[]) {
      expect((await client.inject({ method: 'PUT', url, payload: opinionBody(item.projectCode) })).statusCode).toBe(
        200,
      );
    }
    return post(client, step);
  };

  async function editProject(client: TestClient, raw: string) {
    const read = await client.inject({ method: 'GET', url: projectUrl });
    const { project, version } = read.json();
    const edited = {
      ...project,
      indicators: [{ ...project.indicators[0], target: { raw } }, ...project.indicators.slice(1)],
    };
    return client.inject({ method: 'PUT', url: projectUrl, headers: { 'if-match': `"${version}"` }, payload: edited });
  }

  it('walks submit → return with a comment → resubmit → review → approve, and locks the approved targets', async () => {
    expect(await state(unit)).toMatchObject({ state: 'draft', allowedActions: ['submit'], editable: true });
    expect((await post(unit, 'submit')).json()).toMatchObject({ from: 'draft', state: 'submitted', versionNumber: 1 });
    expect((await editProject(unit, '≥99%')).statusCode).toBe(423);

    const returned = await post(bureau, 'return', { comment: '请补充满意度指标', projectCode: PGN6 });
    expect(returned.statusCode).toBe(200);
    expect((await editProject(unit, '≥95%')).statusCode).toBe(200);
    expect((await post(unit, 'submit', { comment: '已修改' })).statusCode).toBe(200);
    expect((await state(department)).allowedActions).toEqual(['review', 'return']);
    expect((await judge(department, 'review')).statusCode).toBe(200);
    const approved = await judge(bureau, 'approve');
    expect(approved.json()).toMatchObject({ state: 'approved', versionNumber: 3 });

    const locked = await editProject(unit, '≥96%');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining('绩效目标已批复，修改需先提出调整申请'),
    });

    const view = await state(auditor);
    expect(view.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'return',
      'submit',
      'review',
      'approve',
    ]);
    expect(view.comments).toMatchObject([{ body: '请补充满意度指标', projectCode: PGN6 }]);
    expect(view.allowedActions).toEqual([]);
    const versions = (await unit.inject({ method: 'GET', url: `${flow}/versions` })).json();
    expect(versions).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(versions.items.map((v: { number: number; action: string }) => [v.number, v.action])).toEqual([
      [1, 'submit'],
      [2, 'submit'],
      [3, 'approve'],
    ]);
    const secondPage = (await unit.inject({ method: 'GET', url: `${flow}/versions?page=2&pageSize=2` })).json();
    expect(secondPage.items.map((v: { number: number }) => v.number)).toEqual([3]);
    const diff = (await unit.inject({ method: 'GET', url: `${flow}/diff?from=1&to=3` })).json();
    expect(diff.changes).toEqual([
      expect.objectContaining({
        path: ['projects', PGN6, 'indicators', 0, 'target'],
        label: '指标值',
        before: '≥90%',
        after: '≥95%',
      }),
    ]);
  });

  it('reopens approved targets only through an adjustment request with a reason', async () => {
    await post(unit, 'submit');
    await judge(department, 'review');
    await judge(bureau, 'approve');
    const noReason = await post(unit, 'adjustment', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('申请调整须写明理由');
    expect((await post(unit, 'adjustment', { reason: '预算调整：追加 2 万元' })).json()).toMatchObject({
      state: 'adjustment-requested',
    });
    expect((await editProject(unit, '≥92%')).statusCode).toBe(423);
    expect((await post(unit, 'adjustment/agree')).statusCode).toBe(403);
    expect((await post(bureau, 'adjustment/agree')).json()).toMatchObject({ state: 'adjusting' });
    expect((await editProject(unit, '≥92%')).statusCode).toBe(200);
    expect((await post(unit, 'submit')).statusCode).toBe(200);
    expect((await editProject(unit, '≥93%')).statusCode).toBe(423);
    const diff = (await unit.inject({ method: 'GET', url: `${flow}/diff?from=2&to=current` })).json();
    expect(diff.changes.map((c: { after: string }) => c.after)).toEqual(['≥92%']);
  });

  it('refuses illegal steps (409), wrong roles (403) and other departments (403), with the state in the message', async () => {
    const early = await post(bureau, 'approve');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态为「草稿」，不能批复；当前可执行的操作：无');
    expect((await post(bureau, 'submit')).statusCode).toBe(403);
    expect((await post(unit, 'approve')).statusCode).toBe(403);
    await post(unit, 'submit');
    expect((await post(unit, 'submit')).statusCode).toBe(409);
    expect((await post(otherDepartment, 'review')).statusCode).toBe(403);
    expect((await otherDepartment.inject({ method: 'GET', url: flow })).statusCode).toBe(403);
    expect((await post(department, 'return', {})).statusCode).toBe(400);
    expect((await post(department, 'approve')).statusCode).toBe(409);
    expect((await state(unit)).state).toBe('submitted');
  });

  it('takes review comments from reviewers only', async () => {
    const url = `${flow}/comments`;
    const created = await department.inject({
      method: 'POST',
      url,
      payload: { body: '第2个指标值偏低', projectCode: PGN6, indicatorIndex: 1 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      body: '第2个指标值偏低',
      projectCode: PGN6,
      indicatorIndex: 1,
      state: 'draft',
    });
    expect((await unit.inject({ method: 'POST', url, payload: { body: '收到' } })).statusCode).toBe(403);
    expect((await otherDepartment.inject({ method: 'POST', url, payload: { body: '越权' } })).statusCode).toBe(403);
    await department.inject({ method: 'POST', url, payload: { body: '总体目标不明确' } });
    const listed = (await unit.inject({ method: 'GET', url: `${url}?pageSize=1` })).json();
    expect(listed).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ body: '第2个指标值偏低' }] });
    const onProject = (
      await unit.inject({ method: 'GET', url: `${url}?projectCode=${encodeURIComponent(PGN6)}` })
    ).json();
    expect(onProject.items.map((c: { body: string }) => c.body)).toEqual(['第2个指标值偏低']);
    expect((await otherDepartment.inject({ method: 'GET', url })).statusCode).toBe(403);
  });

  it('lists the units each reviewer may see in the overview, with state and review grade', async () => {
    await post(unit, 'submit');
    const rows = (await bureau.inject({ method: 'GET', url: `/api/bureau/overview?year=${YEAR}` })).json().items;
    expect(rows.map((r: { unitCode: string; state: string }) => [r.unitCode, r.state])).toEqual([
      [UNIT, 'submitted'],
      [OTHER_UNIT, 'draft'],
    ]);
    expect(['优', '良', '中', '差']).toContain(rows[0].grade);
    const own = (await department.inject({ method: 'GET', url: '/api/bureau/overview' })).json().items;
    expect(own.map((r: { unitCode: string }) => r.unitCode)).toEqual([UNIT]);
    expect((await unit.inject({ method: 'GET', url: '/api/bureau/overview' })).statusCode).toBe(403);
  });
});
