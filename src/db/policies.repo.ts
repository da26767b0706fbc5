import { ancestorsOfUnit, organisationId } from './organisations.repo.ts';
import type { Executor } from './schema.ts';

/**
 * Policies are JSON bodies per organisation and kind ('review', 'monitoring', 'scoring', …). The
 * reader validates the body with its own schema and fills defaults: this layer only stores it.
 */
export async function putPolicy(db: Executor, orgCode: string, kind: string, body: unknown): Promise<boolean> {
  const id = await organisationId(db, orgCode);
  if (id === null) return false;
  await db
    .insertInto('policies')
    .values({ organisation_id: id, kind, body: JSON.stringify(body) })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'kind']).doUpdateSet({ body: JSON.stringify(body), updated_at: new Date() }),
    )
    .execute();
  return true;
}

export async function getPolicy(db: Executor, orgCode: string, kind: string): Promise<unknown> {
  const row = await db
    .selectFrom('policies as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select('p.body')
    .where('o.code', '=', orgCode)
    .where('p.kind', '=', kind)
    .executeTakeFirst();
  return row?.body ?? null;
}

/** The policy that governs a unit: its nearest ancestor's (department, then bureau); null = defaults. */
export async function policyForUnit(db: Executor, unitCode: string, kind: string): Promise<unknown> {
  for (const org of await ancestorsOfUnit(db, unitCode)) {
    const body = await getPolicy(db, org.code, kind);
    if (body !== null) return body;
  }
  return null;
}
