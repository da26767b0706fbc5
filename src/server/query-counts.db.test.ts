import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { countQueries } from '../../test/query-counter.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Role } from '../domain/access.ts';
import { BUREAU } from '../domain/generate/index.ts';
import { generateIntoDatabase } from '../usecases/generate-into-database.ts';
import { refreshStaleSummaries } from '../usecases/refresh-summaries.ts';
import { buildServer } from './app.ts';

/**
 * Issue 6: no request's query count grows with the data. The main pages' endpoints are requested
 * at two data sizes — 2 units × 3 projects, then 12 units × 15 projects, made by the generator
 * (src/usecases/generate-into-database.ts: targets, spending, progress, self-evaluations, workflow states)
 * — signed in as a bureau, a unit and an admin user, and each must send the same number of
 * statements at both sizes. The unit-year endpoints ask about the first unit, whose projects grow
 * with the size too, so an N+1 over projects shows as well as one over units.
 */

const YEAR = 2020;
const SIZES = [
  { units: 2, projectsPerUnit: 3 },
  { units: 12, projectsPerUnit: 15 },
] as const;

interface Subject {
  unitCode: string;
  departmentCode: string;
  projectCode: string;
}

function endpoints(subject: Subject): { name: string; url: string; roles: Role[] }[] {
  const unitYear = `/api/units/${subject.unitCode}/years/${YEAR}`;
  return [
    { name: 'unit list', url: '/api/units', roles: ['bureau', 'unit'] },
    {
      name: 'unit list, filtered',
      url: `/api/units?search=${subject.unitCode.slice(0, 3)}&year=${YEAR}&orgCode=${subject.departmentCode}&pageSize=5`,
      roles: ['bureau'],
    },
    { name: 'fiscal years', url: '/api/units/fiscal-years', roles: ['bureau', 'unit'] },
    { name: 'years with status', url: '/api/years', roles: ['bureau', 'unit', 'admin'] },
    { name: 'previous actuals', url: `${unitYear}/previous-actuals`, roles: ['unit'] },
    { name: 'targets', url: `${unitYear}/targets`, roles: ['bureau', 'unit'] },
    {
      name: 'project',
      url: `${unitYear}/projects/${encodeURIComponent(subject.projectCode)}`,
      roles: ['bureau', 'unit'],
    },
    { name: 'review', url: `${unitYear}/review`, roles: ['bureau', 'unit'] },
    { name: 'workflow state', url: `${unitYear}/workflow`, roles: ['bureau', 'unit'] },
    { name: 'workflow versions', url: `${unitYear}/workflow/versions`, roles: ['bureau', 'unit'] },
    { name: 'workflow comments', url: `${unitYear}/workflow/comments`, roles: ['bureau', 'unit'] },
    { name: 'monitoring', url: `${unitYear}/monitoring`, roles: ['bureau', 'unit'] },
    { name: 'evaluation', url: `${unitYear}/evaluation`, roles: ['bureau', 'unit'] },
    { name: 'history', url: `${unitYear}/history`, roles: ['bureau', 'unit'] },
    { name: 'audit list', url: `${unitYear}/audit`, roles: ['bureau'] },
    { name: 'users list', url: '/api/users?pageSize=10', roles: ['admin'] },
    { name: 'bureau overview', url: `/api/bureau/overview?year=${YEAR}`, roles: ['bureau'] },
    { name: 'bureau ranking', url: `/api/bureau/years/${YEAR}/ranking`, roles: ['bureau'] },
    { name: 'bureau monitoring', url: `/api/bureau/years/${YEAR}/monitoring`, roles: ['bureau'] },
  ];
}

/** A generated city of the given size; returns the unit (the lowest code) whose pages are measured. */
async function buildData(db: Db, size: { units: number; projectsPerUnit: number }): Promise<Subject> {
  await clearDatabase(db);
  await generateIntoDatabase(db, { ...size, seed: 6, fiscalYear: YEAR });
  await refreshStaleSummaries(db);
  const unit = await db.kysely
    .selectFrom('units as u')
    .innerJoin('organisations as o', 'o.id', 'u.parent_id')
    .select(['u.code', 'o.code as departmentCode'])
    .orderBy('u.code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const project = await db.kysely
    .selectFrom('projects as p')
    .innerJoin('target_documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select('p.code')
    .where('u.code', '=', unit.code)
    .orderBy('p.position')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { unitCode: unit.code, departmentCode: unit.departmentCode, projectCode: project.code };
}

type Counts = Map<string, number>;

/** Each endpoint once to warm up (session touch, read-model refresh), then once counted. */
async function measure(
  counter: ReturnType<typeof countQueries>,
  clients: Record<string, TestClient>,
  subject: Subject,
): Promise<Counts> {
  const counts: Counts = new Map();
  for (const endpoint of endpoints(subject)) {
    for (const role of endpoint.roles) {
      const client = clients[role]!;
      const warm = await client.inject({ method: 'GET', url: endpoint.url });
      expect(warm.statusCode, `${role} GET ${endpoint.url}: ${warm.body.slice(0, 300)}`).toBe(200);
      counter.reset();
      await client.inject({ method: 'GET', url: endpoint.url });
      counts.set(`${endpoint.name} (${role})`, counter.count());
    }
  }
  return counts;
}

describeEachEngine('query counts do not grow with the data', (getDb) => {
  let app: FastifyInstance;
  let counter: ReturnType<typeof countQueries>;

  beforeAll(async () => {
    counter = countQueries(getDb());
    app = await buildServer({ db: counter.db, webRoot: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts builder and raw statements, inside transactions too', async () => {
    counter.reset();
    await inTransaction(counter.db, async (trx) => {
      await trx.selectFrom('units').select('code').execute();
      await sql`select 1`.execute(trx);
    });
    await counter.db.kysely.selectFrom('organisations').select('id').execute();
    expect(counter.statements()).toEqual([
      'select "code" from "units"',
      'select 1',
      'select "id" from "organisations"',
    ]);
  });

  it('sends the same number of statements for every main page at both sizes', async () => {
    const measured: Counts[] = [];
    for (const size of SIZES) {
      const subject = await buildData(getDb(), size);
      const clients = {
        bureau: await signIn(app, getDb(), { role: 'bureau', orgCode: BUREAU.code }),
        unit: await signIn(app, getDb(), { role: 'unit', orgCode: subject.unitCode }),
        admin: await signIn(app, getDb(), { role: 'admin' }),
      };
      measured.push(await measure(counter, clients, subject));
    }
    const [small, large] = measured as [Counts, Counts];
    const rows = [...small.keys()].map((key) => ({
      endpoint: key,
      [label(SIZES[0])]: small.get(key),
      [label(SIZES[1])]: large.get(key),
    }));
    console.log(`statements per request (${getDb().engine})\n${table(rows)}`);
    const grown = rows.filter((row) => small.get(row.endpoint) !== large.get(row.endpoint)).map((row) => row.endpoint);
    expect(grown, 'endpoints whose query count grows with the data').toEqual([]);
  }, 600_000);
});

function label(size: { units: number; projectsPerUnit: number }): string {
  return `${size.units}×${size.projectsPerUnit}`;
}

function table(rows: Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(columns), ...rows.map((r) => line(columns.map((c) => String(r[c]))))].join('\n');
}
