import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import { issueSetupToken } from '../../usecases/issue-setup-token.ts';
import { buildServer } from '../app.ts';

describeEachEngine('GET /api/instance and POST /api/setup', (getDb) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('tells anyone, signed in or not, that a fresh install is no demo and needs its administrator', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/instance' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ demo: false, needsSetup: true });
  });

  it('the setup link creates the administrator and signs in, once', async () => {
    const link = (await issueSetupToken(getDb()))!;
    const body = {
      token: link.token,
      username: 'it-office',
      password: 'seven-blue-lanterns-41',
      displayName: '信息科',
    };
    const refused = await app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, token: 'forged' } });
    expect(refused.statusCode).toBe(403);

    const created = await app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { username: 'it-office', role: 'admin', displayName: '信息科' } });
    const cookie = created.cookies.find((c) => c.name === 'jixiao_session');
    expect(cookie?.httpOnly).toBe(true);
    const session = await app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { jixiao_session: cookie!.value },
    });
    expect(session.json()).toMatchObject({ user: { username: 'it-office', role: 'admin' } });

    const again = await app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, username: 'intruder' } });
    expect(again.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/instance' })).json()).toEqual({
      demo: false,
      needsSetup: false,
    });
  });

  it('says demo once the demo is loaded', async () => {
    await loadDemoDataIfEmpty(getDb());
    expect((await app.inject({ method: 'GET', url: '/api/instance' })).json()).toEqual({
      demo: true,
      needsSetup: false,
    });
  }, 60_000); // the whole demo year: targets to disclosure, ~10 s with two test workers

  it('refuses the local backup routes without the control token', async () => {
    for (const url of ['/api/admin/local/backup', '/api/admin/local/restore']) {
      const response = await app.inject({ method: 'POST', url, headers: { 'x-jixiao-control-token': 'guess' } });
      expect(response.statusCode, url).toBe(403);
    }
  });
});
