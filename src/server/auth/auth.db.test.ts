import Fastify, { type FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, signIn, testUsername } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import type { Db } from '../../db/database.ts';
import { buildServer } from '../app.ts';
import { registerAuth } from './index.ts';
import { PERMISSION_TABLE } from '../../domain/permissions.ts';

describeEachEngine('sessions over HTTP', (getDb) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  it('answers 401 without a session, and says nobody is signed in', async () => {
    const units = await app.inject({ method: 'GET', url: '/api/units' });
    expect(units.statusCode).toBe(401);
    expect(units.json().error.code).toBe('UNAUTHENTICATED');
    expect((await app.inject({ method: 'GET', url: '/api/session' })).json()).toEqual({
      user: null,
      csrfToken: null,
      mustChangePassword: false,
      permissions: null,
    });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Lax cookie on Path=/, Secure only behind https', async () => {
    const client = await signIn(app, getDb(), { role: 'admin' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: client.username, password: TEST_PASSWORD },
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^jixiao_session=[\w-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
    const secure = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: client.username, password: TEST_PASSWORD },
    });
    expect(String(secure.headers['set-cookie'])).not.toContain('Secure'); // no trustProxy: the header is ignored
  });

  it('tells the signed-in user who they are, with the CSRF token', async () => {
    const client = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const me = await client.inject({ method: 'GET', url: '/api/session' });
    expect(me.json()).toEqual({
      user: { username: 'test-unit-711002', displayName: 'test-unit-711002', role: 'unit', orgCode: '711002' },
      csrfToken: client.csrfToken,
      mustChangePassword: false,
      permissions: PERMISSION_TABLE.unit,
    });
    // The screens read what the role may do from here, not from a copy of the table (issue 17 item 4).
    expect(me.json().permissions).toMatchObject({ 'targets:edit': 'own', 'targets:review': 'none' });
  });

  it("refuses a write without the CSRF token, or with another session's", async () => {
    const client = await signIn(app, getDb(), { role: 'admin' });
    const other = await signIn(app, getDb(), { role: 'unit' });
    const body = { username: 'csrf-victim', role: 'admin', password: 'long-enough-1' };
    const bare = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: client.cookie },
      payload: body,
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.message).toContain('X-CSRF-Token');
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: client.cookie, 'x-csrf-token': other.csrfToken },
      payload: body,
    });
    expect(foreign.statusCode).toBe(403);
    const users = (await client.inject({ method: 'GET', url: '/api/users' })).json().items as { username: string }[];
    expect(users.map((u) => u.username)).not.toContain('csrf-victim');
    expect((await client.inject({ method: 'POST', url: '/api/users', payload: body })).statusCode).toBe(201);
  });

  it('signs out: the cookie stops working at once', async () => {
    const client = await signIn(app, getDb(), { role: 'auditor' });
    expect((await client.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(200);
    const out = await client.inject({ method: 'DELETE', url: '/api/session' });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/jixiao_session=;/);
    expect((await client.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
  });

  it('locks an account after 5 wrong passwords (423 LOCKED), and lets an admin disable a user', async () => {
    const victim = testUsername({ role: 'department' });
    await signIn(app, getDb(), { role: 'department' });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: '10.1.1.1',
        payload: { username: victim, password: 'wrong' },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 423, 423]);
    const admin = await signIn(app, getDb(), { role: 'admin' });
    const listed = (await admin.inject({ method: 'GET', url: '/api/users' }))
      .json()
      .items.find((u: { username: string }) => u.username === victim);
    expect(listed.lockedUntil).not.toBeNull();
    const disabled = await admin.inject({ method: 'PATCH', url: `/api/users/${victim}`, payload: { disabled: true } });
    expect(disabled.json()).toMatchObject({ username: victim, disabled: true });
  });
});

describe('route guard', () => {
  it('refuses to start with an /api route that declares no access', async () => {
    // The guard only queries on requests: no database is needed to see it refuse a route.
    const db = {} as Db;
    const app = Fastify();
    try {
      await registerAuth(app, db);
      app.get('/not-api', async () => 'fine');
      await expect(
        app.register(async (scope) => {
          scope.get('/api/forgotten', async () => 'leak');
        }),
      ).rejects.toThrow(/config\.access/);
    } finally {
      await app.close().catch(() => {});
    }
  });
});
