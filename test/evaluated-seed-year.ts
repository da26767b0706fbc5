import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/database.ts';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { importTargets } from '../src/usecases/import-targets.ts';
import { type TestClient, seedOrganisations, signIn } from './api-client.ts';
import { clearDatabase } from './db-engines.ts';
import { bookSeedSpending } from './evaluation-fixtures.ts';
import { seedDocument } from './targets-fixtures.ts';

/**
 * The year-end every 自评 API test starts from: an empty database holding the seed's 2020 targets, the demo
 * organisation tree (财政局 → 711 → 711002) and the year's spending booked, so 执行数 is known.
 */
export async function resetEvaluatedSeedYear(db: Db): Promise<void> {
  await clearDatabase(db);
  await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  await seedOrganisations(db);
  await bookSeedSpending(db, '711002', 2020);
}

/** The three parties of the 自评 procedure on that year: the unit, its 主管部门 (711) and the 财政局. */
export async function signInEvaluationParties(
  app: FastifyInstance,
  db: Db,
): Promise<{ unit: TestClient; department: TestClient; bureau: TestClient }> {
  return {
    unit: await signIn(app, db, { role: 'unit', orgCode: '711002' }),
    department: await signIn(app, db, { role: 'department', orgCode: '711' }),
    bureau: await signIn(app, db, { role: 'bureau', orgCode: 'SHG-CZJ' }),
  };
}
