import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestClient, signIn } from '../../test/api-client.ts';
import { describeEachEngine } from '../../test/db-engines.ts';
import { importTargets } from '../usecases/import-targets.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { buildServer } from './app.ts';

const base = '/api/units/711002/years/2020';

/** A small valid project; each test spoils one field. */
function project(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'H4-TEST-1',
    name: '测试项目',
    budget: { total: '100.00', fiscal: '100.00', other: null },
    purpose: '用途',
    spendingPlan: [],
    goals: ['目标'],
    indicators: [
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '培训人数',
        description: '',
        target: { raw: '≥100人' },
        basis: '',
      },
    ],
    ...overrides,
  };
}

const seedDocument = {
  format: 'jixiao/targets@1',
  unit: { code: '711002', name: '秦皇岛市山海关区总工会' },
  overall: { goals: [], measures: [] },
  projects: [
    project({
      code: 'H4-SEED',
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          name: '培训人数',
          description: '',
          target: { raw: '≥100人', op: '>=', value: 100, unit: '人' },
          basis: '',
          category: 'output',
        },
      ],
    }),
  ],
};

describeEachEngine('HTTP hardening and input hygiene', (getDb) => {
  let app: FastifyInstance;
  let client: TestClient;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'jixiao-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await buildServer({ db: getDb(), webRoot });
    // A route whose text reaches PostgreSQL unchecked: the error mapper is the last line.
    app.get('/api/test-raw-text', { config: { access: 'public' } }, async (request) => {
      const text = String((request.query as { t?: string }).t ?? '').replace('NUL', '\u0000');
      return (await sql<{ v: string }>`select ${text}::text as v`.execute(getDb().kysely)).rows[0];
    });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument as never, fiscalYear: 2020 });
    client = await signIn(app, getDb(), { role: 'admin' });
  });

  it('sends the security headers on API answers, web pages and errors alike', async () => {
    for (const url of ['/api/session', '/', '/api/units/nope/years/2020/targets', '/unknown/page']) {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('marks API answers no-store, hashed assets immutable and index.html no-cache', async () => {
    expect((await client.inject({ method: 'GET', url: '/api/units' })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/api/nothing-here' })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/assets/index-abc123.js' })).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await app.inject({ method: 'GET', url: '/' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ method: 'GET', url: '/units/711002' })).headers['cache-control']).toBe('no-cache');
  });

  it('refuses a JSON body over 1 MB with 413 and a Chinese message, but takes a larger upload', async () => {
    const big = project({ purpose: 'x'.repeat(1_100_000) });
    const response = await client.inject({ method: 'POST', url: `${base}/projects`, payload: big });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain('请求内容过大');
    const upload = await client.inject({
      method: 'POST',
      url: `${base}/import/preview?fileName=big.txt`,
      headers: { 'content-type': 'text/plain' },
      payload: `${'。'.repeat(700_000)}`,
    });
    expect(upload.statusCode).not.toBe(413);
  });

  it('answers 400 naming the field for NUL in a project name', async () => {
    const response = await client.inject({
      method: 'POST',
      url: `${base}/projects`,
      payload: project({ name: '测试\u0000项目' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', location: { field: 'name' } });
    expect(response.json().error.message).toContain('U+0000');
  });

  it('answers 400 naming the parameter for NUL in a query string', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/units?search=71%001' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.location).toMatchObject({ field: 'search', path: ['querystring', 'search'] });
  });

  it('refuses NUL with 400 before the sign-in check (anonymous query, sign-in body)', async () => {
    const query = await app.inject({ method: 'GET', url: '/api/units?search=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.headers['content-security-policy']).toBeDefined();
    const signInBody = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ad\u0000min', password: 'x' },
    });
    expect(signInBody.statusCode).toBe(400);
    expect(signInBody.json().error.location.field).toBe('username');
  });

  it('answers 400 naming the key for NUL in a JSON key (a schema would have dropped it silently)', async () => {
    const response = await client.inject({
      method: 'POST',
      url: `${base}/projects`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...project(), 'extra\u0000key': 1 }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('extra\\u0000key');
  });

  it('answers 400 naming the field for a bidi override in a unit name (import)', async () => {
    const document = { ...seedDocument, unit: { code: '711002', name: '总工会\u202Eevil' } };
    const response = await client.inject({
      method: 'POST',
      url: `${base}/import/preview?fileName=doc.json`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(document),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.location.path).toEqual(['unit', 'name']);
    expect(response.json().error.message).toContain('U+202E');
  });

  it('answers 400 for zero-width characters in an indicator name and a 201-character project name', async () => {
    const zeroWidth = project({ indicators: [{ ...(project().indicators as object[])[0], name: '培训\u200B人数' }] });
    const first = await client.inject({ method: 'POST', url: `${base}/projects`, payload: zeroWidth });
    expect(first.statusCode).toBe(400);
    expect(first.json().error.location.field).toBe('indicators.0.name');
    const long = await client.inject({
      method: 'POST',
      url: `${base}/projects`,
      payload: project({ name: '项'.repeat(201) }),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.location.field).toBe('name');
    expect(long.json().error.message).toContain('200');
  });

  it('answers 400 for an amount of -1 元 and one of 10¹³ 元 + 1, and takes 10¹³ 元', async () => {
    for (const total of ['-1.00', '10000000000001.00']) {
      const response = await client.inject({
        method: 'POST',
        url: `${base}/projects`,
        payload: project({ code: 'H4-AMOUNT', budget: { total, fiscal: null, other: null } }),
      });
      expect(response.statusCode, total).toBe(400);
      expect(response.json().error.location.field).toBe('budget.total');
    }
    const spending = await client.inject({
      method: 'PUT',
      url: `${base}/monitoring/projects/H4-SEED/spending`,
      payload: { entries: [{ month: 1, source: 'fiscal', amount: '-1' }] },
    });
    expect(spending.statusCode).toBe(400);
    expect(spending.json().error.location.field).toBe('entries.0.amount');
    const largest = await client.inject({
      method: 'POST',
      url: `${base}/projects`,
      payload: project({ code: 'H4-AMOUNT', budget: { total: '10000000000000.00', fiscal: null, other: null } }),
    });
    expect(largest.statusCode).toBe(201);
  });

  it('keeps tabs and line breaks in free text', async () => {
    const response = await client.inject({
      method: 'POST',
      url: `${base}/projects`,
      payload: project({ code: 'H4-TEXT', purpose: '第一行\r\n\t第二行' }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().project.purpose).toMatch(/^第一行\r?\n\t第二行$/);
  });

  it('maps PostgreSQL’s refusal of NUL in text to 400, never 500 (the last line of defence)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test-raw-text?t=aNULb' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('BAD_INPUT');
  });

  it('marks the session cookie Secure behind a TLS proxy (trustProxy, X-Forwarded-Proto: https), not over plain http', async () => {
    const proxied = await buildServer({ db: getDb(), webRoot, trustProxy: 1 });
    try {
      const payload = { username: client.username, password: TEST_PASSWORD };
      const viaTls = await proxied.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload,
      });
      expect(viaTls.statusCode).toBe(200);
      expect(viaTls.cookies.find((c) => c.name === 'jixiao_session')?.secure).toBe(true);
      const plain = await proxied.inject({ method: 'POST', url: '/api/session', payload });
      expect(plain.cookies.find((c) => c.name === 'jixiao_session')?.secure).toBeFalsy();
      // Without a trusted proxy, a client's own X-Forwarded-Proto changes nothing.
      const forged = await app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload,
      });
      expect(forged.cookies.find((c) => c.name === 'jixiao_session')?.secure).toBeFalsy();
    } finally {
      await proxied.close();
    }
  });
});
