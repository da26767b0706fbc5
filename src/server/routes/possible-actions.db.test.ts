import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { UNIT, YEAR, loadWorkflowFixture, opinionBody } from '../../../test/workflow-fixtures.ts';
import { buildServer } from '../app.ts';

const base = `/api/units/${UNIT}/years/${YEAR}`;
const flow = `${base}/workflow`;

type Choice = { action: string; allowed: boolean; shown: boolean; reason: { code: string; message: string } | null };

/** Issue 17 items 4 and 6: what the screens may offer each user, and withdrawing before review. */
describeEachEngine('possible actions and withdrawal', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let department: TestClient;
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
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    auditor = await signIn(app, getDb(), { role: 'auditor', orgCode: 'SHG-CZJ' });
  });

  const post = (client: TestClient, step: string, payload: object = {}) =>
    client.inject({ method: 'POST', url: `${flow}/${step}`, payload });
  const view = async (client: TestClient) => (await client.inject({ method: 'GET', url: flow })).json();
  const choices = async (client: TestClient): Promise<Record<string, Choice>> =>
    Object.fromEntries(((await view(client)).actions as Choice[]).map((c) => [c.action, c]));
  const recordForms = async (client: TestClient) => {
    const url = `${base}/review-opinions`;
    for (const item of (await client.inject({ method: 'GET', url })).json().items as { projectCode: string | null }[])
      expect((await client.inject({ method: 'PUT', url, payload: opinionBody(item.projectCode) })).statusCode).toBe(
        200,
      );
  };

  it('sends each role its permissions with the session', async () => {
    const session = (await department.inject({ method: 'GET', url: '/api/session' })).json();
    expect(session.permissions).toMatchObject({
      'targets:review': 'own',
      'targets:edit': 'none',
      'users:manage': 'none',
    });
    const audit = (await auditor.inject({ method: 'GET', url: '/api/session' })).json();
    expect(audit.permissions).toMatchObject({ 'targets:read': 'own', 'targets:submit': 'none' });
  });

  it('tells each role what it may do on a draft, and why not', async () => {
    const draft = await view(unit);
    expect(draft.edit).toEqual({ allowed: true, reason: null });
    expect(draft.actions.filter((c: Choice) => c.shown).map((c: Choice) => [c.action, c.allowed])).toEqual([
      ['submit', true],
    ]);
    const dept = await view(department);
    expect(dept.edit).toMatchObject({ allowed: false, reason: { code: 'role' } });
    expect(dept.actions.find((c: Choice) => c.action === 'review')).toMatchObject({
      allowed: false,
      shown: true,
      reason: { code: 'draft', message: '草稿，尚未报送' },
    });
    const auditorView = await view(auditor);
    expect(auditorView.actions).toEqual([]);
    expect(auditorView.edit.reason.code).toBe('role');
  });

  it('locks submitted targets for the unit with the reason; the department waits for its forms', async () => {
    expect((await post(unit, 'submit')).statusCode).toBe(200);
    const submitted = await view(unit);
    expect(submitted.edit).toEqual({
      allowed: false,
      reason: { code: 'submitted-department', message: '已报送，等待主管部门审核' },
    });
    const mine = await choices(unit);
    expect(mine['submit']).toMatchObject({
      allowed: false,
      shown: true,
      reason: { message: '已报送，等待主管部门审核' },
    });
    expect(mine['withdraw']).toMatchObject({ allowed: true, shown: true });

    const before = await choices(department);
    expect(before['review']).toMatchObject({ allowed: false, shown: true, reason: { code: 'opinions' } });
    expect(before['review']!.reason!.message).toContain('需要主管部门绩效目标审核意见表');
    expect(before['return']).toMatchObject({ allowed: true });
    expect((await choices(bureau))['approve']).toMatchObject({
      allowed: false,
      reason: { code: 'submitted-department' },
    });

    await recordForms(department);
    expect((await choices(department))['review']).toMatchObject({ allowed: true, reason: null });
    expect((await choices(unit))['withdraw']).toMatchObject({ allowed: false, reason: { code: 'review-started' } });
  });

  it('withdraws a submission to draft before review, audited, and the next submission opens a new round', async () => {
    await post(unit, 'submit');
    const withdrawn = await post(unit, 'withdraw');
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ from: 'submitted', state: 'draft', versionNumber: null });
    expect(await view(unit)).toMatchObject({ state: 'draft', editable: true, edit: { allowed: true } });
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'target-document')
      .where('action', '!=', 'import-targets')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['submit-targets', 'withdraw-targets']);

    await post(unit, 'submit');
    const opinions = (await department.inject({ method: 'GET', url: `${base}/review-opinions` })).json();
    expect(opinions.round).toBe(2);
  });

  it('sends a withdrawn resubmission back to returned, where the return comment still applies', async () => {
    await post(unit, 'submit');
    expect((await post(department, 'return', { comment: '请补充满意度指标' })).statusCode).toBe(200);
    await post(unit, 'submit');
    expect((await post(unit, 'withdraw')).json()).toMatchObject({ from: 'submitted', state: 'returned' });
    expect(await view(unit)).toMatchObject({ state: 'returned', edit: { allowed: true } });
  });

  it('refuses withdrawal once a reviewer recorded a form (409), after the review (409), and to others (403)', async () => {
    await post(unit, 'submit');
    const byDepartment = await post(department, 'withdraw');
    expect(byDepartment.statusCode).toBe(403);

    await recordForms(department);
    const started = await post(unit, 'withdraw');
    expect(started.statusCode).toBe(409);
    expect(started.json().error.message).toContain('审核人已开始审核');

    expect((await post(department, 'review')).statusCode).toBe(200);
    const late = await post(unit, 'withdraw');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('不能撤回报送');
    // The round's forms stay in history.
    const opinions = (await department.inject({ method: 'GET', url: `${base}/review-opinions` })).json();
    expect(opinions.history.length).toBeGreaterThan(0);
  });
});
