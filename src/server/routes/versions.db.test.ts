import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { resetEvaluatedSeedYear } from '../../../test/evaluated-seed-year.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { buildServer } from '../app.ts';

/** Decision 023: every write names the version it read; a project's data follows its code when it is renamed. */
const base = '/api/units/711002/years/2020';
const P = '711-0701-JBN-PGN6';
const RENAMED = '711-0701-JBN-NEW1';
const e = encodeURIComponent;
const monitoringUrl = (code: string, what: string) => `${base}/monitoring/projects/${e(code)}/${what}`;
const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` });

interface ConflictBody {
  error: {
    code: string;
    details: {
      changedBy: { username: string; displayName: string } | null;
      changedAt: string | null;
      currentVersion: number;
    };
  };
}

function expectConflictBy(response: LightMyRequestResponse, username: string, currentVersion: number): void {
  expect(response.statusCode).toBe(409);
  const { error } = response.json() as ConflictBody;
  expect(error.code).toBe('CONFLICT');
  expect(error.details.changedBy?.username).toBe(username);
  expect(error.details.changedBy?.displayName).toBeTruthy();
  expect(error.details.currentVersion).toBe(currentVersion);
  expect(Date.now() - Date.parse(error.details.changedAt ?? '')).toBeLessThan(5 * 60_000);
}

describeEachEngine('versions and project identity (decision 023)', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await resetEvaluatedSeedYear(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    admin = await signIn(app, getDb(), { role: 'admin' });
  });

  it('refuses a second 自评表 save based on the same version: 409 naming the first saver, nothing overwritten', async () => {
    const read = await unit.inject(`${base}/evaluation`);
    expect(read.headers.etag).toBe('"0"');
    expect(read.json()).toMatchObject({ version: 0 });

    expect((await unit.inject({ method: 'PUT', url: `${base}/evaluation`, payload: DEMO_EVALUATION })).statusCode).toBe(
      428,
    );

    const first = await unit.inject({
      method: 'PUT',
      url: `${base}/evaluation`,
      headers: ifMatch(0),
      payload: DEMO_EVALUATION,
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    expect(first.json()).toMatchObject({ version: 1, status: 'draft' });

    const cleared = { projects: DEMO_EVALUATION.projects.map((p) => ({ code: p.code, indicators: [] })) };
    const second = await admin.inject({
      method: 'PUT',
      url: `${base}/evaluation`,
      headers: ifMatch(0),
      payload: cleared,
    });
    expectConflictBy(second, unit.username, 1);

    const after = (await unit.inject(`${base}/evaluation`)).json() as { version: number; meanScore: number };
    expect(after).toMatchObject({ version: 1, meanScore: 97.17 });

    const again = await admin.inject({
      method: 'PUT',
      url: `${base}/evaluation`,
      headers: ifMatch(1),
      payload: DEMO_EVALUATION,
    });
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe('"2"');
  });

  it('lets exactly one of two simultaneous saves on the same version win (自评表 and monitoring)', async () => {
    const saves = await Promise.all(
      [unit, admin].map((who) =>
        who.inject({ method: 'PUT', url: `${base}/evaluation`, headers: ifMatch(0), payload: DEMO_EVALUATION }),
      ),
    );
    expect(saves.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const spending = { entries: [{ month: 2, source: 'fiscal', amount: '5.00' }] };
    const writes = await Promise.all(
      [unit, admin].map((who) =>
        who.inject({ method: 'PUT', url: monitoringUrl(P, 'spending'), headers: ifMatch(0), payload: spending }),
      ),
    );
    expect(writes.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    expect(((await unit.inject(`${base}/evaluation`)).json() as { version: number }).version).toBe(1);
  });

  it('refuses a stale monitoring write of a project: 409 naming the first writer, other projects unaffected', async () => {
    const view = (await unit.inject(`${base}/monitoring?asOfMonth=6`)).json() as {
      projects: { code: string; version: number }[];
    };
    expect(view.projects.find((p) => p.code === P)?.version).toBe(0);
    const spending = { entries: [{ month: 6, source: 'fiscal', amount: '9000.00' }] };

    expect(
      (await unit.inject({ method: 'PUT', url: monitoringUrl(P, 'spending'), payload: spending })).statusCode,
    ).toBe(428);
    const first = await unit.inject({
      method: 'PUT',
      url: monitoringUrl(P, 'spending'),
      headers: ifMatch(0),
      payload: spending,
    });
    expect(first.statusCode).toBe(204);
    expect(first.headers.etag).toBe('"1"');

    const progress = {
      indicatorName: '补助金发放率',
      month: 6,
      valueToDate: '40%',
      forecast: '100%',
      likelihood: '确定能',
    };
    const stale = await admin.inject({
      method: 'PUT',
      url: monitoringUrl(P, 'indicator-progress'),
      headers: ifMatch(0),
      payload: progress,
    });
    expectConflictBy(stale, unit.username, 1);
    const budget = { adjustedBudget: '1.00', reason: '调减', effectiveDate: '2020-07-01' };
    expectConflictBy(
      await admin.inject({
        method: 'POST',
        url: monitoringUrl(P, 'budget-adjustments'),
        headers: ifMatch(0),
        payload: budget,
      }),
      unit.username,
      1,
    );

    const unchanged = (await unit.inject(`${base}/monitoring?asOfMonth=6`)).json() as {
      projects: {
        code: string;
        version: number;
        adjustedBudget: string | null;
        indicators: { progress: unknown[] }[];
      }[];
    };
    const project = unchanged.projects.find((p) => p.code === P)!;
    expect(project.version).toBe(1);
    expect(project.adjustedBudget).toBeNull();

    const other = unchanged.projects.find((p) => p.code !== P)!;
    const elsewhere = await admin.inject({
      method: 'PUT',
      url: monitoringUrl(other.code, 'spending'),
      headers: ifMatch(0),
      payload: spending,
    });
    expect(elsewhere.statusCode).toBe(204);
    const fresh = await admin.inject({
      method: 'PUT',
      url: monitoringUrl(P, 'indicator-progress'),
      headers: ifMatch(1),
      payload: progress,
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).toBe('"2"');
  });

  it('refuses a delete based on a stale version (409) and deletes nothing; the list carries each version', async () => {
    const targets = (await unit.inject(`${base}/targets`)).json() as { projectVersions: Record<string, number> };
    const listed = targets.projectVersions[P]!;
    const { project } = (await unit.inject(`${base}/projects/${e(P)}`)).json() as { project: { name: string } };
    const edit = await admin.inject({
      method: 'PUT',
      url: `${base}/projects/${e(P)}`,
      headers: ifMatch(listed),
      payload: { ...project, name: `${project.name}（改）` },
    });
    expect(edit.statusCode).toBe(200);

    const stale = await unit.inject({ method: 'DELETE', url: `${base}/projects/${e(P)}`, headers: ifMatch(listed) });
    expectConflictBy(stale, admin.username, listed + 1);
    expect((await unit.inject(`${base}/projects/${e(P)}`)).statusCode).toBe(200);
    expect((await unit.inject({ method: 'DELETE', url: `${base}/projects/${e(P)}` })).statusCode).toBe(428);
    expect(
      (await unit.inject({ method: 'DELETE', url: `${base}/projects/${e(P)}`, headers: ifMatch(listed + 1) }))
        .statusCode,
    ).toBe(204);
  });

  it("keeps a project's spending, progress, 自评, comments and history when its code is renamed", async () => {
    const write = async (response: Promise<LightMyRequestResponse>, status: number) =>
      expect((await response).statusCode).toBe(status);
    await write(
      unit.inject({
        method: 'PUT',
        url: monitoringUrl(P, 'spending'),
        headers: ifMatch(0),
        payload: { entries: [{ month: 7, source: 'other', amount: '123.45' }] },
      }),
      204,
    );
    const progress = {
      indicatorName: '补助金发放率',
      month: 6,
      valueToDate: '40%',
      forecast: '85%',
      likelihood: '有可能',
      deviationCategory: '其他',
      reason: '进度慢',
      measures: '加快',
    };
    await write(
      unit.inject({
        method: 'PUT',
        url: monitoringUrl(P, 'indicator-progress'),
        headers: ifMatch(1),
        payload: progress,
      }),
      200,
    );
    await write(
      unit.inject({
        method: 'POST',
        url: monitoringUrl(P, 'budget-adjustments'),
        headers: ifMatch(2),
        payload: { adjustedBudget: '21000.00', reason: '追加', effectiveDate: '2020-08-01' },
      }),
      201,
    );
    await write(
      unit.inject({ method: 'PUT', url: `${base}/evaluation`, headers: ifMatch(0), payload: DEMO_EVALUATION }),
      200,
    );
    await write(
      admin.inject({ method: 'POST', url: `${base}/workflow/comments`, payload: { body: '请核实', projectCode: P } }),
      201,
    );

    type Entry = { code: string } & Record<string, unknown>;
    const projectOf = async (url: string, code: string) =>
      ((await unit.inject(url)).json() as { projects: Entry[] }).projects.find((p) => p.code === code);
    const monitoringBefore = await projectOf(`${base}/monitoring?asOfMonth=12`, P);
    const evaluationBefore = await projectOf(`${base}/evaluation`, P);
    expect(monitoringBefore).toMatchObject({ version: 3, adjustedBudget: '21000.00' });
    expect(evaluationBefore).toMatchObject({ spent: '19723.45' });

    type Warning = { id: string; followUp: { state: string } };
    const warningsOf = async () =>
      ((await unit.inject(`${base}/monitoring?asOfMonth=12`)).json() as { warnings: Warning[] }).warnings;
    const warned = (await warningsOf()).find((w) => w.id.includes(`:${P}:`))!;
    // The bureau's action on the warning (decision 036): its project and the warning it names move with the rename.
    const action = {
      kind: '纠偏',
      body: '已督促',
      deadline: '2099-12-31',
      warningId: warned.id,
      projectCode: P,
      asOfMonth: 12,
    };
    await write(admin.inject({ method: 'POST', url: `${base}/monitoring/actions`, payload: action }), 201);

    const read = (await unit.inject(`${base}/projects/${e(P)}`)).json() as {
      project: Record<string, unknown>;
      version: number;
    };
    const renamed = await unit.inject({
      method: 'PUT',
      url: `${base}/projects/${e(P)}`,
      headers: ifMatch(read.version),
      payload: { ...read.project, code: RENAMED },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await unit.inject(`${base}/projects/${e(P)}`)).statusCode).toBe(404);

    // The same figures, warnings' follow-ups and scores, under the new code.
    const underNewCode = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(P, RENAMED)) as unknown;
    expect(await projectOf(`${base}/monitoring?asOfMonth=12`, RENAMED)).toEqual(underNewCode(monitoringBefore));
    expect(await projectOf(`${base}/evaluation`, RENAMED)).toEqual(underNewCode(evaluationBefore));
    expect((await warningsOf()).find((w) => w.id === underNewCode(warned.id))?.followUp.state).toBe('action-recorded');
    const [moved] = ((await unit.inject(`${base}/monitoring?asOfMonth=12`)).json() as { actions: Entry[] }).actions;
    expect(moved).toMatchObject({ projectCode: RENAMED, warningId: underNewCode(warned.id) });
    expect(await projectOf(`${base}/monitoring?asOfMonth=12`, P)).toBeUndefined();
    const progress6 = (
      (await projectOf(`${base}/monitoring?asOfMonth=12`, RENAMED)) as unknown as {
        indicators: { name: string; progress: unknown[] }[];
      }
    ).indicators;
    expect(progress6.find((i) => i.name === '补助金发放率')!.progress).toMatchObject([
      { month: 6, likelihood: '有可能' },
    ]);

    const comments = (await unit.inject(`${base}/workflow/comments?projectCode=${e(RENAMED)}`)).json() as {
      items: { body: string }[];
    };
    expect(comments.items.map((c) => c.body)).toEqual(['请核实']);

    const audit = (await admin.inject(`${base}/audit?pageSize=50`)).json() as {
      items: { action: string; entityKey: string; before: unknown; after: unknown }[];
    };
    expect(
      audit.items
        .filter((a) => a.entityKey.startsWith(P))
        .map((a) => a.action)
        .sort(),
    ).toEqual(['adjust-budget', 'record-indicator-progress', 'record-spending']);
    const rename = audit.items.find((a) => a.action === 'update-project')!;
    expect(rename).toMatchObject({
      entityKey: RENAMED,
      before: { project: { code: P } },
      after: { project: { code: RENAMED } },
    });
  });

  it('refuses a rename onto a code that still holds a deleted project’s data', async () => {
    const [other] = seedDocument().projects.filter((p) => p.code !== P);
    const version = ((await unit.inject(`${base}/targets`)).json() as { projectVersions: Record<string, number> })
      .projectVersions;
    expect(
      (await unit.inject({ method: 'DELETE', url: `${base}/projects/${e(P)}`, headers: ifMatch(version[P]!) }))
        .statusCode,
    ).toBe(204);
    const onto = await unit.inject({
      method: 'PUT',
      url: `${base}/projects/${e(other!.code)}`,
      headers: ifMatch(version[other!.code]!),
      payload: { ...other, code: P },
    });
    expect(onto.statusCode).toBe(409);
    expect((onto.json() as ConflictBody).error.code).toBe('CONFLICT');
    expect((await unit.inject(`${base}/projects/${e(other!.code)}`)).statusCode).toBe(200);
  });
});
