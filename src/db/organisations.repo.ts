import { sql } from 'kysely';
import type { Executor } from './schema.ts';

export type OrganisationKind = 'bureau' | 'department';

export interface OrganisationInput {
  code: string;
  name: string;
  kind: OrganisationKind;
  /** A department's bureau; null for a bureau. */
  parentCode: string | null;
}

/** Creates or renames/moves an organisation; returns its id. The parent must exist. */
export async function upsertOrganisation(db: Executor, org: OrganisationInput): Promise<number> {
  const parentId = org.parentCode === null ? null : await organisationId(db, org.parentCode);
  const row = await db
    .insertInto('organisations')
    .values({ code: org.code, name: org.name, kind: org.kind, parent_id: parentId })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: org.name, kind: org.kind, parent_id: parentId }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function organisationId(db: Executor, code: string): Promise<number | null> {
  const row = await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}

/** Places a unit under a department or bureau (null detaches it). Returns false when the unit does not exist. */
export async function setUnitParent(db: Executor, unitCode: string, parentId: number | null): Promise<boolean> {
  const result = await db.updateTable('units').set({ parent_id: parentId }).where('code', '=', unitCode).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface OrganisationRef {
  id: number;
  code: string;
  name: string;
  kind: OrganisationKind;
}

/** The unit's ancestors, nearest first: its department (if any), then the bureau. */
export async function ancestorsOfUnit(db: Executor, unitCode: string): Promise<OrganisationRef[]> {
  const result = await sql<OrganisationRef & { depth: number }>`
    with recursive chain(id, code, name, kind, parent_id, depth) as (
      select o.id, o.code, o.name, o.kind, o.parent_id, 1
        from units u join organisations o on o.id = u.parent_id
       where u.code = ${unitCode}
      union all
      select o.id, o.code, o.name, o.kind, o.parent_id, c.depth + 1
        from organisations o join chain c on o.id = c.parent_id
       where c.depth < 16
    )
    select id, code, name, kind, depth from chain order by depth`.execute(db);
  return result.rows.map(({ id, code, name, kind }) => ({ id, code, name, kind }));
}

/** Codes of every unit under an organisation, at any depth, ascending. */
export async function unitCodesUnder(db: Executor, orgCode: string): Promise<string[]> {
  const result = await sql<{ code: string }>`
    with recursive tree(id, depth) as (
      select id, 1 from organisations where code = ${orgCode}
      union all
      select o.id, t.depth + 1 from organisations o join tree t on o.parent_id = t.id where t.depth < 16
    )
    select u.code from units u where u.parent_id in (select id from tree) order by u.code`.execute(db);
  return result.rows.map((row) => row.code);
}
