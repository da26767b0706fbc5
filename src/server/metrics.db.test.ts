import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/api-client.ts';
import { describeEachEngine } from '../../test/db-engines.ts';
import { finishJob, insertJob } from '../db/jobs.repo.ts';
import { buildServer } from './app.ts';
import { metricsFromEnv } from './metrics.ts';

/** The value of one series in a Prometheus text exposition, e.g. `jixiao_jobs{state="running"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describeEachEngine('/metrics (Prometheus)', (getDb) => {
  let app: FastifyInstance;
  const auth = { authorization: 'Bearer scrape-token-1' };

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent', metrics: { token: 'scrape-token-1' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('asks for the bearer token, and refuses a wrong one', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-token-2' } }))
        .statusCode,
    ).toBe(401);
    const response = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
  });

  it('times requests by route pattern, method and status', async () => {
    const client = await signIn(app, getDb(), { role: 'admin' });
    await client.inject({ method: 'GET', url: '/api/units/711002/years/2020/targets' });
    const text = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body;
    const series =
      'jixiao_http_request_duration_seconds_count{route="/api/units/:unitCode/years/:year/targets",method="GET",status="404"}';
    expect(sample(text, series)).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('route="/api/units/711002');
  });

  it('counts running jobs on each scrape, and shows the pool and the process', async () => {
    const count = async () =>
      sample(
        (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body,
        'jixiao_jobs{state="running"}',
      );
    const before = await count();
    const id = await insertJob(getDb().kysely, { kind: 'test', ownerId: null, orgCode: '', total: 1 });
    expect(await count()).toBe(before! + 1);
    await finishJob(getDb().kysely, id, { state: 'succeeded', done: 1 });
    expect(await count()).toBe(before);
    const text = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body;
    expect(sample(text, 'jixiao_db_pool_connections{kind="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'jixiao_db_pool_connections{kind="waiting"}')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('jixiao_process_cpu_user_seconds_total');
  });

  it('answers 404 at /metrics when metrics are off (not the web app)', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'jixiao-web-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
    const off = await buildServer({ db: getDb(), webRoot });
    expect((await off.inject({ method: 'GET', url: '/some/page' })).statusCode).toBe(200);
    const response = await off.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(404);
    await off.close();
  });
});

describe('metrics settings', () => {
  it('are off unless JIXIAO_METRICS=1; JIXIAO_METRICS_TOKEN adds the token', () => {
    expect(metricsFromEnv({})).toBe(false);
    expect(metricsFromEnv({ JIXIAO_METRICS: '0' })).toBe(false);
    expect(metricsFromEnv({ JIXIAO_METRICS: '1' })).toEqual({});
    expect(metricsFromEnv({ JIXIAO_METRICS: '1', JIXIAO_METRICS_TOKEN: ' t ' })).toEqual({ token: 't' });
  });
});
