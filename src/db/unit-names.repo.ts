import type { Unit } from '../domain/targets.ts';
import type { Executor } from './schema.ts';

/** Every unit's code and name: what a document that names its unit without a code is matched against. */
export async function listUnitNames(db: Executor): Promise<Unit[]> {
  return db.selectFrom('units').select(['code', 'name']).orderBy('code').execute();
}

/** The unit of this code, or undefined. */
export async function findUnitByCode(db: Executor, code: string): Promise<Unit | undefined> {
  return db.selectFrom('units').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}
