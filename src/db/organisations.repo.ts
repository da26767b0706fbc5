import { sql } from 'kysely';
import { chainFrom, subtreeOf, unitInScope } from './org-tree.sql.ts';
import type { OrgType } from '../domain/workflow/chain.ts';
import type { Executor } from './schema.ts';

export type OrganisationKind = 'bureau' | 'department';

export interface OrganisationInput {
  code: string;
  name: string;
  kind: OrganisationKind;
  /** A department's bureau; null for a bureau. */
  parentCode: string | null;
  /** 行政事业单位 when omitted (decision 049). */
  orgType?: OrgType;
}

/** Creates or renames/moves an organisation; returns its id. The parent must exist. */
export async function upsertOrganisation(db: Executor, org: OrganisationInput): Promise<number> {
  const parentId = org.parentCode === null ? null : await organisationId(db, org.parentCode);
  const row = await db
    .insertInto('organisations')
    .values({ code: org.code, name: org.name, kind: org.kind, parent_id: parentId, org_type: org.orgType })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({ name: org.name, kind: org.kind, parent_id: parentId, org_type: org.orgType }),
    )
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
  const result = await db
    .updateTable('units')
    .set({ parent_id: parentId })
    .where('code', '=', unitCode)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface OrganisationRef {
  id: number;
  code: string;
  name: string;
  kind: OrganisationKind;
  /** 行政事业单位 / 工会: what the approval chain reads (decision 049). */
  orgType: OrgType;
}

/** The unit's ancestors, nearest first: its department (if any), then the bureau. */
export async function ancestorsOfUnit(db: Executor, unitCode: string): Promise<OrganisationRef[]> {
  const start = sql`select o.id, o.code, o.name, o.kind, o.parent_id
      from units u join organisations o on o.id = u.parent_id where u.code = ${unitCode}`;
  const result = await sql<OrganisationRef>`
    select c.id, c.code, c.name, c.kind, o.org_type as "orgType"
      from ${chainFrom(start)} c join organisations o on o.id = c.id order by c.depth`.execute(db);
  return result.rows;
}

/** Codes of every unit under an organisation, at any depth, ascending. */
export async function unitCodesUnder(db: Executor, orgCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('units as u')
    .select('u.code')
    .where(unitInScope({ kind: 'organisation', code: orgCode }, 'u'))
    .orderBy('u.code')
    .execute();
  return rows.map((row) => row.code);
}

/** A node of the managed tree (decision 020): a bureau or department (organisations) or a unit (units). */
export type OrgNodeKind = OrganisationKind | 'unit';

export interface OrgNodeRow {
  id: number;
  code: string;
  name: string;
  kind: OrgNodeKind;
  parentCode: string | null;
  active: boolean;
  version: number;
  /** null for a unit (units carry no type: the organisation above them decides). */
  orgType: OrgType | null;
  /** A unit's 部门本级 flag (decision 049); null for a bureau or department. */
  departmentOwn: boolean | null;
}

/**
 * The tree as rows, bureaus and departments first, each by code: everything (`rootCode` null), or
 * the subtree under `rootCode` with the root itself. Two statements whatever the number of units.
 */
export async function listOrgNodes(db: Executor, rootCode: string | null): Promise<OrgNodeRow[]> {
  const orgs = await sql<OrgNodeRow>`
    select o.id, o.code, o.name, o.kind, p.code as "parentCode", o.active, o.version, o.org_type as "orgType",
           null::boolean as "departmentOwn"
      from organisations o left join organisations p on p.id = o.parent_id
     where ${rootCode === null ? sql`true` : sql`o.id in ${subtreeOf(rootCode)}`}
     order by case o.kind when 'bureau' then 0 else 1 end, o.code`.execute(db);
  const ids = orgs.rows.map((row) => row.id);
  let units = db
    .selectFrom('units as u')
    .leftJoin('organisations as p', 'p.id', 'u.parent_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'p.code as parentCode',
      'u.active',
      'u.version',
      'u.department_own as departmentOwn',
    ])
    .orderBy('u.code');
  if (rootCode !== null) units = units.where('u.parent_id', 'in', ids.length > 0 ? ids : [-1]);
  const unitRows = (await units.execute()).map((row) => ({ ...row, kind: 'unit' as const, orgType: null }));
  return [...orgs.rows, ...unitRows];
}

/** Every node with this code: one, none, or (data from before codes were checked across tables) two. */
export async function findOrgNodes(db: Executor, code: string): Promise<(OrgNodeRow & { parentId: number | null })[]> {
  const result = await sql<OrgNodeRow & { parentId: number | null }>`
    select o.id, o.code, o.name, o.kind, o.parent_id as "parentId", p.code as "parentCode", o.active, o.version,
           o.org_type as "orgType", null::boolean as "departmentOwn"
      from organisations o left join organisations p on p.id = o.parent_id where o.code = ${code}
    union all
    select u.id, u.code, u.name, 'unit', u.parent_id, p.code, u.active, u.version, null, u.department_own
      from units u left join organisations p on p.id = u.parent_id where u.code = ${code}`.execute(db);
  return result.rows;
}

/** The codes of an organisation and of every organisation above it, itself first. */
export async function organisationChain(db: Executor, code: string): Promise<string[]> {
  const start = sql`select id, code, name, kind, parent_id from organisations where code = ${code}`;
  const result = await sql<{ code: string }>`select c.code from ${chainFrom(start)} c order by c.depth`.execute(db);
  return result.rows.map((row) => row.code);
}

/** Adds a bureau or department (the caller checked the parent); returns its id. */
export async function insertOrganisation(
  db: Executor,
  org: { code: string; name: string; kind: OrganisationKind; parentId: number | null; orgType?: OrgType },
): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ code: org.code, name: org.name, kind: org.kind, parent_id: org.parentId, org_type: org.orgType })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a unit placed under a department or bureau; returns its id. */
export async function insertUnit(
  db: Executor,
  unit: { code: string; name: string; parentId: number },
): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({ code: unit.code, name: unit.name, parent_id: unit.parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Renames, re-parents or (de)activates a node if it is still at `expectedVersion`; the new version, or undefined. */
export async function updateOrgNodeIfVersion(
  db: Executor,
  node: { id: number; kind: OrgNodeKind },
  change: {
    name: string;
    parentId: number | null;
    active: boolean;
    orgType?: OrgType | null;
    departmentOwn?: boolean | null;
  },
  expectedVersion: number,
): Promise<number | undefined> {
  const values = { name: change.name, parent_id: change.parentId, active: change.active, version: expectedVersion + 1 };
  const orgType = change.orgType ?? undefined;
  const query =
    node.kind === 'unit'
      ? db
          .updateTable('units')
          .set({ ...values, department_own: change.departmentOwn ?? undefined })
          .where('id', '=', node.id)
          .where('version', '=', expectedVersion)
          .returning('version')
      : db
          .updateTable('organisations')
          .set({ ...values, org_type: orgType })
          .where('id', '=', node.id)
          .where('version', '=', expectedVersion)
          .returning('version');
  return (await query.executeTakeFirst())?.version;
}

/** How many active children (organisations and units) an organisation has. */
export async function countActiveChildren(db: Executor, orgId: number): Promise<number> {
  const result = await sql<{ n: string }>`
    select (select count(*) from organisations where parent_id = ${orgId} and active)
         + (select count(*) from units where parent_id = ${orgId} and active) as n`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Marks the bureau-view summaries of every unit under an organisation stale: a move changes which
 * policies they inherit (summary-refresh recomputes them before the response).
 */
export async function markSummariesUnderStale(db: Executor, orgCode: string): Promise<void> {
  await sql`update unit_year_summaries s set stale = true
     where not s.stale and s.unit_id in (
       select u.id from units u where ${unitInScope({ kind: 'organisation', code: orgCode }, 'u')})`.execute(db);
}
