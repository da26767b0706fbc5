import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { UNIT, YEAR, loadWorkflowFixture } from '../../../test/workflow-fixtures.ts';
import { buildServer } from '../app.ts';

const base = `/api/units/${UNIT}/years/${YEAR}`;
const orderUrl = `${base}/project-order`;

describeEachEngine('project order API', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await clearDatabase(getDb());
    await loadWorkflowFixture(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: UNIT });
  });

  const read = async () => {
    const response = await unit.inject({ method: 'GET', url: `${base}/targets` });
    const codes = (response.json() as { projects: { code: string }[] }).projects.map((p) => p.code);
    return { codes, version: Number(JSON.parse(response.headers.etag as string)) };
  };
  const put = (codes: string[], version: number) =>
    unit.inject({ method: 'PUT', url: orderUrl, headers: { 'if-match': `"${version}"` }, payload: { codes } });

  it('stores the new order, answers the new version and audits the old and new order', async () => {
    const { codes, version } = await read();
    expect(codes.length).toBeGreaterThan(2);
    const reordered = [codes[2]!, codes[0]!, ...codes.slice(3), codes[1]!];
    const response = await put(reordered, version);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toStrictEqual({ version: version + 1 });
    expect(response.headers.etag).toBe(`"${version + 1}"`);
    expect(await read()).toStrictEqual({ codes: reordered, version: version + 1 });
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'entity', 'actor_name', 'before', 'after'])
      .where('action', '=', 'reorder-projects')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'target-document', actor_name: unit.username });
    expect(audit[0]!.before).toStrictEqual({ projects: codes });
    expect(audit[0]!.after).toStrictEqual({ projects: reordered });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const { codes, version } = await read();
    expect((await put([...codes].reverse(), version)).statusCode).toBe(200);
    const stale = await put(codes, version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await read()).codes).toStrictEqual([...codes].reverse());
  });

  it('refuses an unknown, doubled or missing code with 400 and the location', async () => {
    const { codes, version } = await read();
    const unknown = await put([...codes.slice(0, -1), 'NO-SUCH-CODE'], version);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { code: 'VALIDATION', location: { path: ['codes', codes.length - 1] } },
    });
    const doubled = await put([codes[0]!, codes[0]!, ...codes.slice(2)], version);
    expect(doubled.json()).toMatchObject({ error: { code: 'VALIDATION', location: { path: ['codes', 1] } } });
    const missing = await put(codes.slice(1), version);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain(codes[0]);
    expect((await read()).codes).toStrictEqual(codes);
  });

  it('refuses a reorder of submitted targets with 423', async () => {
    const submit = await unit.inject({ method: 'POST', url: `${base}/workflow/submit`, payload: {} });
    expect(submit.statusCode).toBe(200);
    const { codes, version } = await read();
    const locked = await put([...codes].reverse(), version);
    expect(locked.statusCode).toBe(423);
    expect((await read()).codes).toStrictEqual(codes);
  });
});
