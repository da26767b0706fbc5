import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../src/db/database.ts';
import { setUnitParent, upsertOrganisation } from '../src/db/organisations.repo.ts';
import { findUserByUsername, insertUser } from '../src/db/users.repo.ts';
import type { Role } from '../src/domain/access.ts';
import { hashPassword } from '../src/db/password-hash.ts';

/** Who a test acts as: a role, scoped to an organisation or unit code (defaults per role below). */
export interface TestIdentity {
  role: Role;
  orgCode?: string;
}

/** The organisation each role belongs to unless a test says otherwise: the demo tree's. */
export const DEFAULT_ORG: Record<Role, string> = {
  admin: '',
  bureau: 'SHG-CZJ',
  department: '711',
  unit: '711002',
  auditor: 'SHG-CZJ',
};

export const TEST_PASSWORD = 'test-password-2020';

/** `app.inject` as a signed-in user: the session cookie and the CSRF header are added to every request. */
export interface TestClient {
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
  username: string;
  /** `jixiao_session=…`, for a test that sends it by hand. */
  cookie: string;
  csrfToken: string;
}

let passwordHash: Promise<string> | undefined;

/** The test user's name for an identity, e.g. `test-unit-711002`. */
export function testUsername(who: TestIdentity): string {
  const orgCode = who.orgCode ?? DEFAULT_ORG[who.role];
  return `test-${who.role}-${orgCode || 'all'}`.replace(/[^A-Za-z0-9_.@-]/g, '_');
}

/**
 * Signs in as `who` through `POST /api/session` (creating that user when missing, with
 * TEST_PASSWORD) and returns a client that carries the session cookie and, on writes, the CSRF token.
 */
export async function signIn(app: FastifyInstance, db: Db, who: TestIdentity = { role: 'admin' }): Promise<TestClient> {
  const username = testUsername(who);
  await ensureTestUser(db, username, who);
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`test sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const sessionCookie = response.cookies.find((c) => c.name === 'jixiao_session');
  if (!sessionCookie) throw new Error('sign-in set no jixiao_session cookie');
  const cookie = `jixiao_session=${sessionCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return {
    username,
    cookie,
    csrfToken,
    inject: (options) => {
      const request = typeof options === 'string' ? { url: options } : options;
      const method = (request.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { cookie };
      if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;
      return app.inject({
        ...request,
        headers: { ...headers, ...(request.headers as Record<string, string> | undefined) },
      });
    },
  };
}

async function ensureTestUser(db: Db, username: string, who: TestIdentity): Promise<void> {
  if (await findUserByUsername(db.kysely, username)) return;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const orgCode = who.role === 'admin' ? '' : (who.orgCode ?? DEFAULT_ORG[who.role]);
  await insertUser(db.kysely, {
    username,
    displayName: username,
    role: who.role,
    orgCode,
    passwordHash: await passwordHash,
  });
}

/**
 * The organisation tree tests use: bureau SHG-CZJ → departments 711 (unit 711002, the seed) and 712
 * (unit 712001); a second bureau QHD-CZJ → department 800 (unit 800001). Units are placed when they
 * exist (import them first); calling it again is harmless.
 */
export async function seedOrganisations(db: Db): Promise<void> {
  const k = db.kysely;
  await upsertOrganisation(k, { code: 'SHG-CZJ', name: '秦皇岛市山海关区财政局', kind: 'bureau', parentCode: null });
  await upsertOrganisation(k, { code: 'QHD-CZJ', name: '秦皇岛市财政局', kind: 'bureau', parentCode: null });
  const departments = [
    { code: '711', name: '秦皇岛市山海关区总工会（部门）', bureau: 'SHG-CZJ', unit: '711002' },
    { code: '712', name: '山海关区教育局（部门）', bureau: 'SHG-CZJ', unit: '712001' },
    { code: '800', name: '秦皇岛市文旅局（部门）', bureau: 'QHD-CZJ', unit: '800001' },
  ];
  for (const d of departments) {
    const id = await upsertOrganisation(k, { code: d.code, name: d.name, kind: 'department', parentCode: d.bureau });
    await setUnitParent(k, d.unit, id);
  }
}
