import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import { buildServer } from '../app.ts';

const policyUrl = (kind: string) => `/api/bureau/policies/${kind}`;
const monitoringUrl = '/api/units/711002/years/2020/monitoring';
const scoreUrl = '/api/units/711002/years/2020/score';
type Warning = { id: string; level: string };

describeEachEngine('policies API', (getDb) => {
  let app: FastifyInstance;
  let bureau: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  beforeEach(async () => {
    await clearDatabase(getDb());
    await loadDemoDataIfEmpty(getDb());
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  it('a stricter behind-plan tolerance raises a warning that was silent', async () => {
    // Demo: 困难职工帮扶资金 spent 98% by December against a plan of 100%: 2 points behind, under the default 10.
    const id = 'behind-plan:711-0701-JBN-PGN6:12';
    const before = (await bureau.inject(monitoringUrl)).json() as { warnings: Warning[] };
    expect(before.warnings.map((w) => w.id)).not.toContain(id);
    const put = await bureau.inject({
      method: 'PUT',
      url: policyUrl('monitoring'),
      payload: {
        behindPlan: [
          { points: 1, level: '提示' },
          { points: 20, level: '警示' },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      kind: 'monitoring',
      orgCode: 'SHG-CZJ',
      effective: { checkpoints: [{ month: 7, dueDate: '08-31' }], behindPlan: [{ points: 1 }, { points: 20 }] },
    });
    const after = (await bureau.inject(monitoringUrl)).json() as { warnings: Warning[] };
    expect(after.warnings.find((w) => w.id === id)).toMatchObject({ level: '提示' });
  });

  it('scoring weights change the score by the hand-computed amount', async () => {
    expect((await bureau.inject(scoreUrl)).json().meanScore).toBe(97.17);
    const put = await bureau.inject({
      method: 'PUT',
      url: policyUrl('scoring'),
      payload: { executionPoints: 20, categoryPoints: { output: 40 } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().effective.categoryPoints).toEqual({ output: 40, benefit: 30, satisfaction: 10, cost: 10 });
    const score = (await bureau.inject(scoreUrl)).json() as { meanScore: number; projects: { score: number }[] };
    // Execution 20 × rate, 产出 40 instead of 50: PGN6 19.6+40+30+10; 3EQS 20+40+30+9.78 (88/90 × 10);
    // MQNI 16 + 40×80/90 + 30×80/90 + 10 = 88.22; YSN 20+40+30+10. Mean 387.6 / 4.
    expect(score.projects.map((p) => p.score)).toEqual([99.6, 99.78, 88.22, 100]);
    expect(score.meanScore).toBe(96.9);
  });

  it('the management items of the 整体自评表 follow the bureau’s department-evaluation policy', async () => {
    const formUrl = '/api/units/711002/years/2020/department-evaluation';
    const read = (await bureau.inject(policyUrl('department-evaluation'))).json();
    expect(read).toMatchObject({ kind: 'department-evaluation', version: 0, stored: null });
    const items = read.effective.managementItems as { key: string; points: number }[];
    expect(items.map((i) => i.points)).toEqual([5, 5, 5, 5]);
    const changed = [{ ...items[0]!, points: 8 }, ...items.slice(1, 3)];
    const put = await bureau.inject({
      method: 'PUT',
      url: policyUrl('department-evaluation'),
      headers: { 'if-match': '"0"' },
      payload: { managementItems: changed },
    });
    expect(put.statusCode, put.body).toBe(200);
    const form = (await bureau.inject(formUrl)).json() as { score: { management: { key: string; points: number }[] } };
    expect(form.score.management.map((m) => [m.key, m.points])).toEqual(changed.map((i) => [i.key, i.points]));
    const duplicate = await bureau.inject({
      method: 'PUT',
      url: policyUrl('department-evaluation'),
      payload: { managementItems: [items[0], items[0]] },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.issues[0].path).toEqual(['managementItems', 1, 'key']);
  });

  it('shows stored, effective and defaults, and audits the change', async () => {
    const empty = (await bureau.inject(policyUrl('review'))).json();
    expect(empty).toMatchObject({
      kind: 'review',
      orgCode: 'SHG-CZJ',
      stored: null,
      effective: { minIndicators: 3 },
      defaults: { minIndicators: 3 },
    });
    await bureau.inject({ method: 'PUT', url: policyUrl('review'), payload: { minIndicators: 4 } });
    await bureau.inject({ method: 'PUT', url: policyUrl('review'), payload: { minIndicators: 5 } });
    expect((await bureau.inject(policyUrl('review'))).json()).toMatchObject({
      stored: { minIndicators: 5 },
      effective: { minIndicators: 5 },
      defaults: { minIndicators: 3 },
    });
    // The review's own route reads the same stored policy.
    expect((await bureau.inject('/api/bureau/review-policy')).json()).toMatchObject({ stored: { minIndicators: 5 } });
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['entity_key', 'before', 'after'])
      .where('action', '=', 'put-policy')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.entity_key, parse(a.before), parse(a.after)])).toEqual([
      ['SHG-CZJ/review', null, { minIndicators: 4 }],
      ['SHG-CZJ/review', { minIndicators: 4 }, { minIndicators: 5 }],
    ]);
  });

  it('refuses invalid bodies with the path, unknown kinds, and writers without policies:manage', async () => {
    const tooHigh = await bureau.inject({
      method: 'PUT',
      url: policyUrl('monitoring'),
      payload: { behindPlan: [{ points: 200, level: '提示' }] },
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.issues[0].path).toEqual(['behindPlan', 0, 'points']);
    const misspelt = await bureau.inject({
      method: 'PUT',
      url: policyUrl('monitoring'),
      payload: { overdue: { graceDay: 3 } },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.issues.map((i: { path: unknown }) => i.path)).toEqual([['overdue', 'graceDay']]);
    expect(
      (await bureau.inject({ method: 'PUT', url: policyUrl('scoring'), payload: { executionPoint: 20 } })).json().error
        .issues[0].path,
    ).toEqual(['executionPoint']);
    expect((await bureau.inject({ method: 'PUT', url: policyUrl('budget'), payload: {} })).statusCode).toBe(400);
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    expect((await unit.inject({ method: 'PUT', url: policyUrl('monitoring'), payload: {} })).statusCode).toBe(403);
    const department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    expect((await department.inject({ method: 'PUT', url: policyUrl('scoring'), payload: {} })).statusCode).toBe(403);
    expect(
      (await bureau.inject({ method: 'PUT', url: `${policyUrl('scoring')}?orgCode=QHD-CZJ`, payload: {} })).statusCode,
    ).toBe(403);
    expect(await getDb().kysely.selectFrom('policies').select('kind').execute()).toEqual([]);
  });

  it('lets the administrator set a named organisation’s policy', async () => {
    const admin = await signIn(app, getDb(), { role: 'admin' });
    expect((await admin.inject({ method: 'PUT', url: policyUrl('scoring'), payload: {} })).statusCode).toBe(400);
    const put = await admin.inject({
      method: 'PUT',
      url: `${policyUrl('scoring')}?orgCode=711`,
      payload: { grades: { excellent: 95 } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().effective.grades).toEqual({ excellent: 95, good: 80, fair: 60 });
    expect(
      (await admin.inject({ method: 'PUT', url: `${policyUrl('scoring')}?orgCode=NOPE`, payload: {} })).statusCode,
    ).toBe(404);
  });

  it('refuses a stale save (If-Match of a version read before someone else saved), naming who saved', async () => {
    const read = (await bureau.inject(policyUrl('scoring'))).json() as { version: number };
    const save = (version: number, executionReasonBelowPercent: number) =>
      bureau.inject({
        method: 'PUT',
        url: policyUrl('scoring'),
        headers: { 'if-match': `"${version}"` },
        payload: { executionReasonBelowPercent },
      });
    const first = await save(read.version, 85);
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(read.version + 1);
    const stale = await save(read.version, 80);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({
      changedBy: { username: bureau.username },
      currentVersion: read.version + 1,
    });
    expect((await bureau.inject(policyUrl('scoring'))).json().effective.executionReasonBelowPercent).toBe(85);
  });
});

function parse(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
