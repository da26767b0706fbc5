import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { buildServer } from '../app.ts';

/** Users managed by an administrator, and every user's own password and sessions (decision 019). */
describeEachEngine('account management over HTTP', (getDb) => {
  let app: FastifyInstance;
  let admin: TestClient;

  beforeAll(async () => {
    await seedOrganisations(getDb());
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    admin = await signIn(app, getDb(), { role: 'admin' });
  });

  const post = (username: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/session', headers, payload: { username, password } });

  /** A client on a fresh sign-in (cookie + CSRF), as the web app would have. */
  async function session(
    username: string,
    password: string,
    userAgent = 'test-agent',
  ): Promise<TestClient & { body: Record<string, unknown> }> {
    const response = await post(username, password, { 'user-agent': userAgent });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = `jixiao_session=${response.cookies.find((c) => c.name === 'jixiao_session')!.value}`;
    const body = response.json() as { csrfToken: string };
    return {
      username,
      cookie,
      csrfToken: body.csrfToken,
      body,
      inject: (options) => {
        const request = typeof options === 'string' ? { url: options } : options;
        const headers: Record<string, string> = { cookie, 'x-csrf-token': body.csrfToken };
        return app.inject({
          ...request,
          headers: { ...headers, ...(request.headers as Record<string, string> | undefined) },
        });
      },
    };
  }

  const code = (response: LightMyRequestResponse) => (response.json() as { error?: { code: string } }).error?.code;

  it('creates a user only with a password that passes the policy', async () => {
    const weak = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'wu', role: 'department', orgCode: '711', password: 'password123' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.location.field).toBe('password');
    const short = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'wu', role: 'department', orgCode: '711', password: 'Kx9#' },
    });
    expect(short.json().error.message).toContain('至少 10 个字符');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'wu', role: 'department', orgCode: '711', password: 'lantern-orchard-42' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'wu',
      role: 'department',
      orgCode: '711',
      mustChangePassword: false,
      lastSignInAt: null,
    });
  });

  it('assigns role and organisation only where the organisation exists and fits the role', async () => {
    await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'qian', role: 'department', orgCode: '711', password: 'lantern-orchard-43' },
    });
    const patch = (payload: object) => admin.inject({ method: 'PATCH', url: '/api/users/qian', payload });
    expect((await patch({ role: 'bureau' })).json().error.location.field).toBe('orgCode'); // 711 is a department, not a bureau
    expect((await patch({ role: 'bureau', orgCode: 'NOPE-1' })).statusCode).toBe(400);
    expect((await patch({ role: 'bureau', orgCode: 'bad/code' })).statusCode).toBe(400);
    const moved = await patch({ orgCode: '712', displayName: '钱会计' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ username: 'qian', role: 'department', orgCode: '712', displayName: '钱会计' });
    expect((await patch({ role: 'auditor', orgCode: 'SHG-CZJ' })).json()).toMatchObject({
      role: 'auditor',
      orgCode: 'SHG-CZJ',
    });
    expect((await patch({ role: 'admin' })).json()).toMatchObject({ role: 'admin', orgCode: '' });
    expect(
      (
        await admin.inject({
          method: 'PATCH',
          url: `/api/users/${admin.username}`,
          payload: { role: 'auditor', orgCode: 'SHG-CZJ' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await admin.inject({ method: 'PATCH', url: '/api/users/nobody-here', payload: { displayName: 'x' } }))
        .statusCode,
    ).toBe(404);
  });

  it('disables and re-enables a user; disabling ends its sessions', async () => {
    await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'sun', role: 'department', orgCode: '711', password: 'lantern-orchard-44' },
    });
    const sun = await session('sun', 'lantern-orchard-44');
    expect((await sun.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(200);
    expect(
      (await admin.inject({ method: 'PATCH', url: '/api/users/sun', payload: { disabled: true } })).json().disabled,
    ).toBe(true);
    expect((await sun.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    expect(
      (await admin.inject({ method: 'PATCH', url: '/api/users/sun', payload: { disabled: false } })).json().disabled,
    ).toBe(false);
    expect((await post('sun', 'lantern-orchard-44')).statusCode).toBe(200);
  });

  it('resets a password to a one-time one the user must change before anything else', async () => {
    await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'li', role: 'department', orgCode: '711', password: 'lantern-orchard-45' },
    });
    const before = await session('li', 'lantern-orchard-45');
    const reset = await admin.inject({ method: 'POST', url: '/api/users/li/password-reset' });
    expect(reset.statusCode).toBe(200);
    const oneTime = reset.json().oneTimePassword as string;
    expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await before.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401); // the reset ended it
    expect((await post('li', 'lantern-orchard-45')).statusCode).toBe(401);
    const listed = (await admin.inject({ method: 'GET', url: '/api/users?search=li' }))
      .json()
      .items.find((u: { username: string }) => u.username === 'li');
    expect(listed).toMatchObject({ mustChangePassword: true });
    expect(listed.lastSignInAt).not.toBeNull();

    const li = await session('li', oneTime);
    expect(li.body).toMatchObject({ mustChangePassword: true, user: { username: 'li' } });
    for (const [method, url] of [
      ['GET', '/api/units'],
      ['GET', '/api/session/sessions'],
      ['POST', '/api/users'],
    ] as const) {
      const refused = await li.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(refused.statusCode, url).toBe(403);
      expect(code(refused), url).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await li.inject({ method: 'GET', url: '/api/session' })).json().mustChangePassword).toBe(true);
    const same = await li.inject({
      method: 'PUT',
      url: '/api/session/password',
      payload: { currentPassword: oneTime, newPassword: oneTime },
    });
    expect(same.statusCode).toBe(400);
    const changed = await li.inject({
      method: 'PUT',
      url: '/api/session/password',
      payload: { currentPassword: oneTime, newPassword: 'my-own-passphrase-1' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await li.inject({ method: 'GET', url: '/api/session' })).json().mustChangePassword).toBe(false);
    expect((await li.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(200);
    expect(
      (await admin.inject({ method: 'POST', url: `/api/users/${admin.username}/password-reset` })).statusCode,
    ).toBe(409);
  });

  it("changes one's own password: the current one is required, the policy applies, the other sessions end and this one stays", async () => {
    await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'zhou', role: 'department', orgCode: '711', password: 'lantern-orchard-46' },
    });
    const laptop = await session('zhou', 'lantern-orchard-46', 'Laptop');
    const phone = await session('zhou', 'lantern-orchard-46', 'Phone');
    const change = (currentPassword: string, newPassword: string) =>
      laptop.inject({ method: 'PUT', url: '/api/session/password', payload: { currentPassword, newPassword } });
    const wrongCurrent = await change('not-my-password', 'new-passphrase-zz');
    expect([wrongCurrent.statusCode, wrongCurrent.json().error.location.field]).toEqual([400, 'currentPassword']);
    const weak = await change('lantern-orchard-46', 'zhou-2026-abcdef');
    expect([weak.statusCode, weak.json().error.message]).toEqual([400, '密码不能包含用户名']);
    expect((await change('lantern-orchard-46', 'new-passphrase-zz')).statusCode).toBe(204);
    expect((await laptop.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(200);
    expect((await phone.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    expect((await post('zhou', 'lantern-orchard-46')).statusCode).toBe(401);
    expect((await post('zhou', 'new-passphrase-zz')).statusCode).toBe(200);
  });

  it("lists one's own sessions with a public id (never the token hash), marks the current one, and ends any of them", async () => {
    await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'wang', role: 'department', orgCode: '711', password: 'lantern-orchard-47' },
    });
    const laptop = await session('wang', 'lantern-orchard-47', 'Laptop Firefox');
    const phone = await session('wang', 'lantern-orchard-47', 'Phone Safari');
    const listed = await laptop.inject({ method: 'GET', url: '/api/session/sessions' });
    const items = listed.json().items as {
      id: string;
      current: boolean;
      userAgent: string;
      ip: string;
      createdAt: string;
      lastSeen: string;
    }[];
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)?.userAgent).toBe('Laptop Firefox');
    expect(items.find((s) => !s.current)).toMatchObject({ userAgent: 'Phone Safari', ip: '127.0.0.1' });
    const hashes = (await getDb().kysely.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    for (const item of items) expect(hashes.some((h) => h.includes(item.id))).toBe(false);
    expect(listed.body).not.toContain(laptop.cookie.split('=')[1]!);

    // Someone else's session is not found, exactly like a missing one.
    const adminSessions = (await admin.inject({ method: 'GET', url: '/api/session/sessions' })).json().items as {
      id: string;
    }[];
    expect(
      (await laptop.inject({ method: 'DELETE', url: `/api/session/sessions/${adminSessions[0]!.id}` })).statusCode,
    ).toBe(404);
    const other = items.find((s) => !s.current)!;
    expect((await laptop.inject({ method: 'DELETE', url: `/api/session/sessions/${other.id}` })).statusCode).toBe(204);
    expect((await phone.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    const self = items.find((s) => s.current)!;
    const out = await laptop.inject({ method: 'DELETE', url: `/api/session/sessions/${self.id}` });
    expect(String(out.headers['set-cookie'])).toMatch(/jixiao_session=;/);
    expect((await laptop.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
  });
});
