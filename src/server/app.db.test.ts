import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../test/api-client.ts';
import { describeEachEngine } from '../../test/db-engines.ts';
import { SEED_EXPECTED } from '../../test/cli.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { importTargets } from '../usecases/import-targets.ts';
import { buildServer } from './app.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';

const base = '/api/units/711002/years/2020';
const projectUrl = `${base}/projects/711-0701-JBN-PGN6`;

describeEachEngine('HTTP API', (getDb) => {
  let app: FastifyInstance;
  let seed: TargetsDocument;
  let client: TestClient;

  beforeAll(async () => {
    seed = JSON.parse(await readFile(SEED_EXPECTED, 'utf8')) as TargetsDocument;
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    client = await signIn(app, getDb(), { role: 'admin' });
  });

  beforeEach(async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
  });

  it('lists units with their years', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/units' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toContainEqual({ code: '711002', name: '秦皇岛市山海关区总工会', years: [2020] });
  });

  it("returns a unit-year's whole document in the exchange format", async () => {
    const response = await client.inject({ method: 'GET', url: `${base}/targets` });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toMatch(/^"\d+"$/);
    const { projectVersions, ...document } = response.json() as { projectVersions: Record<string, number> };
    expect(document).toEqual({ ...seed, fiscalYear: 2020 });
    // Each project's version, for a delete or edit from the list (decision 023).
    expect(Object.keys(projectVersions)).toEqual(seed.projects.map((p) => p.code));
  });

  it('answers 404 with a code for an unknown unit-year', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/units/999999/years/2020/targets' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('updates a project with the version it read, and refuses a stale update with 409 changing nothing', async () => {
    const read = await client.inject({ method: 'GET', url: projectUrl });
    const { project, version } = read.json();
    expect(read.headers.etag).toBe(`"${version}"`);
    const edited = {
      ...project,
      indicators: [{ ...project.indicators[0], target: { raw: '≥95%' } }, ...project.indicators.slice(1)],
    };
    const first = await client.inject({
      method: 'PUT',
      url: projectUrl,
      headers: { 'if-match': `"${version}"` },
      payload: edited,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBeGreaterThan(version);
    // The server re-reads the target with the grammar: raw text alone is enough.
    expect(first.json().project.indicators[0].target).toEqual({ raw: '≥95%', op: '>=', value: 95, unit: '%' });

    const stale = { ...project, name: '改名' };
    const second = await client.inject({
      method: 'PUT',
      url: projectUrl,
      headers: { 'if-match': `"${version}"` },
      payload: stale,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    const after = (await client.inject({ method: 'GET', url: projectUrl })).json();
    expect(after.project.name).toBe('困难职工帮扶资金');
    expect(after.project.indicators[0].target.raw).toBe('≥95%');
  });

  it('requires If-Match on writes (428)', async () => {
    const { project } = (await client.inject({ method: 'GET', url: projectUrl })).json();
    const response = await client.inject({ method: 'PUT', url: projectUrl, payload: project });
    expect(response.statusCode).toBe(428);
  });

  it('rejects an invalid project with 400, Chinese messages and the path, keeping what was stored', async () => {
    const { project, version } = (await client.inject({ method: 'GET', url: projectUrl })).json();
    const invalid = { ...project, budget: { ...project.budget, total: '两万' } };
    const response = await client.inject({
      method: 'PUT',
      url: projectUrl,
      headers: { 'if-match': `"${version}"` },
      payload: invalid,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0].path).toEqual(['budget', 'total']);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await client.inject({ method: 'GET', url: projectUrl })).json().project.budget.total).toBe('20000.00');
  });

  it('creates and deletes a project', async () => {
    const { project } = (await client.inject({ method: 'GET', url: projectUrl })).json();
    const created = await client.inject({
      method: 'POST',
      url: `${base}/projects`,
      payload: { ...project, code: 'NEW-001' },
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await client.inject({
      method: 'POST',
      url: `${base}/projects`,
      payload: { ...project, code: 'NEW-001' },
    });
    expect(duplicate.statusCode).toBe(409);
    const doc = (await client.inject({ method: 'GET', url: `${base}/targets` })).json();
    expect(doc.projects.map((p: { code: string }) => p.code).at(-1)).toBe('NEW-001');

    const url = `${base}/projects/NEW-001`;
    const deleted = await client.inject({
      method: 'DELETE',
      url,
      headers: { 'if-match': `"${created.json().version}"` },
    });
    expect(deleted.statusCode).toBe(204);
    expect((await client.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('exports the seed text layout with a Chinese file name', async () => {
    const response = await client.inject({ method: 'GET', url: `${base}/export?format=text` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('秦皇岛市山海关区总工会2020年绩效目标.txt'),
    );
    expect(response.body).toContain('\t711-0701-JBN-PGN6');
  });

  it('serves the OpenAPI description without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain('/api/units/{unitCode}/years/{year}/projects/{projectCode}');
  });
});
