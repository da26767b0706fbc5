import type { Db } from '../../src/db/database.ts';
import { findUserByUsername, insertUser } from '../../src/db/users.repo.ts';
import type { Role } from '../../src/domain/access.ts';
import { hashPassword } from '../../src/db/password-hash.ts';

/** Users, sign-in and sample data for the benchmarks that go through HTTP (api, web). */

const BENCH_PASSWORD = 'bench-password-2020';

/** A user of `role` on `orgCode` (created once per database), as the benchmarks sign in. */
export async function ensureBenchUser(
  db: Db,
  role: Role,
  orgCode: string,
): Promise<{ username: string; password: string }> {
  const username = `bench-${role}-${orgCode}`.replace(/[^A-Za-z0-9_.@-]/g, '_');
  if (!(await findUserByUsername(db.kysely, username))) {
    await insertUser(db.kysely, {
      username,
      displayName: username,
      role,
      orgCode,
      passwordHash: await hashPassword(BENCH_PASSWORD),
    });
  }
  return { username, password: BENCH_PASSWORD };
}

/** Signs in through POST /api/session over real HTTP; returns the `jixiao_session=…` cookie. */
export async function signInHttp(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('jixiao_session='));
  if (!cookie) throw new Error('sign-in set no jixiao_session cookie');
  return cookie.split(';')[0]!;
}

/** A unit of the city with projects in `year`, and its median project (by position): the sample the API and web benchmarks read. */
export async function sampleProject(
  db: Db,
  year: number,
): Promise<{ unitCode: string; projectCode: string; projects: number }> {
  const rows = await db.kysely
    .selectFrom('projects')
    .innerJoin('target_documents', 'target_documents.id', 'projects.document_id')
    .innerJoin('units', 'units.id', 'target_documents.unit_id')
    .where('target_documents.fiscal_year', '=', year)
    .where('target_documents.id', '=', (eb) =>
      eb.selectFrom('target_documents').select('id').where('fiscal_year', '=', year).orderBy('id').limit(1),
    )
    .select(['units.code as unitCode', 'projects.code as projectCode'])
    .orderBy('projects.position')
    .execute();
  const middle = rows[Math.floor(rows.length / 2)];
  if (!middle) throw new Error(`the city database holds no project for ${year}`);
  return { unitCode: middle.unitCode, projectCode: middle.projectCode, projects: rows.length };
}
