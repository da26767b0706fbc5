import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_ORG, type TestClient, seedOrganisations, signIn } from '../../test/api-client.ts';
import { describeEachEngine } from '../../test/db-engines.ts';
import { readPermissionDoc } from '../../test/permission-table.ts';
import { documentForUnit, seedDocument } from '../../test/targets-fixtures.ts';
import { ROLES, type Role, SYSTEM_ACTOR } from '../domain/access.ts';
import { importTargets } from '../usecases/import-targets.ts';
import { buildServer } from './app.ts';
import { type GuardedRoute, guardedRoutes } from './auth/route-guard.ts';

/**
 * Every /api route, as every role, on a unit inside the role's organisation and on units outside
 * it, against the table in docs/permissions.md (read from the markdown, not from the code). Routes
 * are collected by the guard's onRoute hook, so routes other features add are covered unasked.
 */
const YEAR = 2020;
/** 711002 (the seed) under department 711 under bureau SHG-CZJ; 712001 under 712 under SHG-CZJ; 800001 under another bureau. */
const UNITS: Record<string, string[]> = {
  '711002': ['711', 'SHG-CZJ'],
  '712001': ['712', 'SHG-CZJ'],
  '800001': ['800', 'QHD-CZJ'],
};
const table = readPermissionDoc();

/**
 * Who calls: each role at its default organisation, and a union reviewer (decision 049): a department-role user at
 * 712, typed 工会 here, so 712001 follows the union route (its chain is the workflow's business, not the guard's).
 */
interface Caller {
  name: string;
  role: Role;
  org: string;
}
const CALLERS: Caller[] = [
  ...ROLES.map((role) => ({ name: role, role, org: DEFAULT_ORG[role] })),
  { name: 'union-reviewer', role: 'department', org: '712' },
];

function inOrganisation(caller: Caller, unitCode: string): boolean {
  const { role, org } = caller;
  if (role === 'admin') return true;
  if (role === 'unit') return unitCode === org;
  return UNITS[unitCode]!.includes(org);
}

function expectedAllowed(caller: Caller, route: GuardedRoute, unitCode: string | null): boolean {
  if (route.access === 'public' || route.access === 'signed-in') return true;
  const scope = table[caller.role][route.access.permission];
  if (scope === 'none') return false;
  return scope === 'all' || unitCode === null || inOrganisation(caller, unitCode);
}

function urlFor(route: GuardedRoute, unitCode: string): string {
  return route.url
    .replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'unitCode') return unitCode;
      if (name === 'year') return String(YEAR);
      if (name === 'projectCode') return '711-0701-JBN-PGN6';
      return 'x-test';
    })
    .replace(/\*$/, '');
}

/** The guard's refusal names the permission; a use-case's own FORBIDDEN (a workflow step) does not. */
function deniedByGuard(response: LightMyRequestResponse): boolean {
  if (response.statusCode !== 403) return false;
  const body = response.json<{ error?: { details?: { permission?: unknown } } }>();
  return typeof body.error?.details?.permission === 'string';
}

describeEachEngine('permissions: every route × every role × own/other unit', (getDb) => {
  let app: FastifyInstance;
  const clients = {} as Record<string, TestClient>;
  const counts = { routes: 0, calls: 0, allowed: 0, denied: 0 };

  beforeAll(async () => {
    const db = getDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: YEAR });
    await importTargets(db, SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区第一中学'),
      fiscalYear: YEAR,
    });
    await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit('800001', '秦皇岛市博物馆'), fiscalYear: YEAR });
    await seedOrganisations(db);
    await db.kysely.updateTable('organisations').set({ org_type: 'union' }).where('code', '=', '712').execute();
    app = await buildServer({ db, webRoot: '/nonexistent' });
    for (const caller of CALLERS)
      clients[caller.name] = await signIn(app, db, { role: caller.role, orgCode: caller.org });
  });

  afterAll(() => {
    console.info(
      `permission test: ${counts.routes} routes, ${counts.calls} calls, ${counts.allowed} allowed, ${counts.denied} denied`,
    );
  });

  // Signing out would end the clients' sessions mid-test; auth.db.test.ts covers it.
  const isSignOut = (r: GuardedRoute) => r.method === 'DELETE' && r.url === '/api/session';
  const apiRoutes = () =>
    guardedRoutes(app).filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && !isSignOut(r));

  it('finds the routes of every feature, each with an access rule', () => {
    const urls = apiRoutes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /api/units',
        'PUT /api/units/:unitCode/years/:year/projects/:projectCode',
        'POST /api/users',
        'GET /api/units/:unitCode/years/:year/audit',
      ]),
    );
  });

  it('answers 401 on every non-public route without a session', async () => {
    for (const route of apiRoutes().filter((r) => r.access !== 'public')) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: urlFor(route, '711002'),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('allows and refuses exactly as docs/permissions.md says, on the own unit and on others', async () => {
    const mismatches: string[] = [];
    for (const route of apiRoutes()) {
      counts.routes++;
      const units = route.url.includes(':unitCode') ? Object.keys(UNITS) : [null];
      for (const caller of CALLERS) {
        for (const unitCode of units) {
          const response = await clients[caller.name]!.inject({
            method: route.method as 'GET',
            url: urlFor(route, unitCode ?? '711002'),
            payload: route.method === 'GET' ? undefined : {},
          });
          const expected = expectedAllowed(caller, route, unitCode);
          const allowed = response.statusCode !== 401 && !deniedByGuard(response);
          counts.calls++;
          counts[allowed ? 'allowed' : 'denied']++;
          if (allowed !== expected)
            mismatches.push(
              `${caller.name} ${route.method} ${urlFor(route, unitCode ?? '-')}: ${response.statusCode} (expected ${expected ? 'allowed' : 'denied'})`,
            );
          if (allowed && route.method === 'GET') assertNoLeak(caller, route, response, mismatches);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000);

  it('lists to each role only the units it may see', async () => {
    const seen: Record<string, string[]> = {};
    for (const caller of CALLERS) {
      const units = (await clients[caller.name]!.inject({ method: 'GET', url: '/api/units' })).json().items as {
        code: string;
      }[];
      seen[caller.name] = units.map((u) => u.code);
    }
    expect(seen).toEqual({
      admin: ['711002', '712001', '800001'],
      bureau: ['711002', '712001'],
      department: ['711002'],
      unit: ['711002'],
      auditor: ['711002', '712001'],
      'union-reviewer': ['712001'],
    });
  });
});

/** A readable answer must not name a unit outside the role's organisation. */
function assertNoLeak(
  caller: Caller,
  route: GuardedRoute,
  response: LightMyRequestResponse,
  mismatches: string[],
): void {
  if (caller.role === 'admin' || response.statusCode >= 300) return;
  for (const unitCode of Object.keys(UNITS)) {
    if (!inOrganisation(caller, unitCode) && response.body.includes(unitCode)) {
      mismatches.push(`${caller.name} GET ${route.url}: the answer names unit ${unitCode} outside its organisation`);
    }
  }
}
