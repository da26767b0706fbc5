import { sql } from 'kysely';
import {
  type DisclosureKind,
  type DisclosureManifest,
  type DisclosurePolicy,
  defaultDisclosurePolicy,
} from '../domain/disclosure/packages.ts';
import type { UnitScope } from '../domain/unit-scope.ts';
import { bureauOf } from './fiscal-years.repo.ts';
import { unitInScope } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';

/** The SQL of disclosure (decision 047) as the signed-in pages use it; the anonymous reads are in disclosure-public.repo.ts. */

export interface StoredPolicy extends DisclosurePolicy {
  /** 0: never saved (the defaults). */
  version: number;
}

/** The bureau's policy for `year`, or the defaults when it never set one. */
export async function readDisclosurePolicy(db: Executor, bureauId: number, year: number): Promise<StoredPolicy> {
  const row = await db
    .selectFrom('disclosure_policies')
    .select(['documents', 'publish_at', 'units_may_publish', 'version'])
    .where('organisation_id', '=', bureauId)
    .where('fiscal_year', '=', year)
    .executeTakeFirst();
  if (!row) return { ...defaultDisclosurePolicy(), version: 0 };
  return {
    documents: row.documents as DisclosurePolicy['documents'],
    publishAt: row.publish_at === null ? null : new Date(row.publish_at).toISOString(),
    unitsMayPublish: row.units_may_publish,
    version: row.version,
  };
}

/** Inserts or replaces the policy if it is still at `expectedVersion`; returns the new version, or undefined when stale. */
export async function writeDisclosurePolicy(
  db: Executor,
  key: { bureauId: number; year: number; expectedVersion: number; by: string },
  policy: DisclosurePolicy,
): Promise<number | undefined> {
  const values = {
    documents: JSON.stringify(policy.documents),
    publish_at: policy.publishAt,
    units_may_publish: policy.unitsMayPublish,
    updated_by: key.by,
  };
  if (key.expectedVersion === 0) {
    const inserted = await db
      .insertInto('disclosure_policies')
      .values({ ...values, organisation_id: key.bureauId, fiscal_year: key.year, version: 1 })
      .onConflict((oc) => oc.columns(['organisation_id', 'fiscal_year']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return inserted?.version;
  }
  const updated = await db
    .updateTable('disclosure_policies')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('organisation_id', '=', key.bureauId)
    .where('fiscal_year', '=', key.year)
    .where('version', '=', key.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

export interface UnitYearReadiness {
  unitId: number;
  unitName: string;
  targetsState: string | null;
  evaluationStatus: string | null;
}

/** The unit, its targets' workflow state and its 自评 status in `year` (null: none stored); undefined: no such unit. */
async function readDisclosureReadiness(
  db: Executor,
  unitCode: string,
  year: number,
): Promise<UnitYearReadiness | undefined> {
  const result = await sql<UnitYearReadiness>`
    select u.id as "unitId", u.name as "unitName",
           case when d.id is null then null else coalesce(w.state, 'draft') end as "targetsState",
           e.status as "evaluationStatus"
      from units u
      left join target_documents d on d.unit_id = u.id and d.fiscal_year = ${year}
      left join target_workflows w on w.document_id = d.id
      left join evaluation_unit_years e on e.unit_id = u.id and e.fiscal_year = ${year}
     where u.code = ${unitCode}`.execute(db);
  return result.rows[0];
}

/**
 * Stores a published version: the next version number of the unit-year-kind, its manifest (with that number)
 * and its files' bytes. The caller holds the unit-year's lock (lockPackages) so two publishers never share a number.
 */
export async function insertPackage(
  db: Executor,
  input: { unitId: number; year: number; kind: DisclosureKind; publishedBy: string; manifest: DisclosureManifest },
  files: readonly { name: string; contentType: string; sha256: string; content: Buffer }[],
): Promise<{ version: number; publishedAt: string }> {
  const { next } = await db
    .selectFrom('disclosure_packages')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('unit_id', '=', input.unitId)
    .where('fiscal_year', '=', input.year)
    .where('kind', '=', input.kind)
    .executeTakeFirstOrThrow();
  const manifest = { ...input.manifest, version: next };
  const row = await db
    .insertInto('disclosure_packages')
    .values({
      unit_id: input.unitId,
      fiscal_year: input.year,
      kind: input.kind,
      version: next,
      manifest: JSON.stringify(manifest),
      published_by: input.publishedBy,
    })
    .returning(['id', 'published_at'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('disclosure_files')
    .values(
      files.map((file, position) => ({
        package_id: row.id,
        position,
        name: file.name,
        content_type: file.contentType,
        sha256: file.sha256,
        content: file.content,
      })),
    )
    .execute();
  return { version: next, publishedAt: new Date(row.published_at).toISOString() };
}

/** Serialises publishing and withdrawing of one unit (row lock on the unit) for the rest of the transaction. */
export async function lockPackages(db: Executor, unitId: number): Promise<void> {
  await sql`select id from units where id = ${unitId} for update`.execute(db);
}

/** Marks every public version of the unit-year-kind withdrawn; returns the versions it withdrew. */
export async function withdrawPackages(
  db: Executor,
  key: { unitId: number; year: number; kind: DisclosureKind },
  by: string,
  reason: string,
): Promise<number[]> {
  const rows = await db
    .updateTable('disclosure_packages')
    .set({ withdrawn_by: by, withdrawn_at: sql<string>`now()`, withdraw_reason: reason })
    .where('unit_id', '=', key.unitId)
    .where('fiscal_year', '=', key.year)
    .where('kind', '=', key.kind)
    .where('withdrawn_at', 'is', null)
    .returning('version')
    .execute();
  return rows.map((r) => r.version).sort((a, b) => a - b);
}

export interface PackageRow {
  unitCode: string;
  kind: DisclosureKind;
  version: number;
  publishedAt: string;
  publishedBy: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  files: number;
}

/** The latest version of each unit's packages in `year`, for the units in `scope` (the bureau's status page). */
export async function latestPackages(db: Executor, scope: UnitScope, year: number): Promise<PackageRow[]> {
  const result = await sql<PackageRow>`
    select distinct on (u.code, p.kind)
           u.code as "unitCode", p.kind, p.version, p.published_at as "publishedAt", p.published_by as "publishedBy",
           p.withdrawn_at as "withdrawnAt", p.withdraw_reason as "withdrawReason",
           (select count(*)::integer from disclosure_files f where f.package_id = p.id) as files
      from disclosure_packages p join units u on u.id = p.unit_id
     where p.fiscal_year = ${year} and ${unitInScope(scope, 'u')}
     order by u.code, p.kind, p.version desc`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    publishedAt: new Date(row.publishedAt).toISOString(),
    withdrawnAt: row.withdrawnAt === null ? null : new Date(row.withdrawnAt).toISOString(),
  }));
}

/** The units in `scope` with targets in `year`, with what disclosure depends on, by code. */
export async function listDisclosureUnits(
  db: Executor,
  scope: UnitScope,
  year: number,
): Promise<(Omit<UnitYearReadiness, 'unitId'> & { unitCode: string })[]> {
  const result = await sql<Omit<UnitYearReadiness, 'unitId'> & { unitCode: string }>`
    select u.code as "unitCode", u.name as "unitName", coalesce(w.state, 'draft') as "targetsState",
           e.status as "evaluationStatus"
      from units u
      join target_documents d on d.unit_id = u.id and d.fiscal_year = ${year}
      left join target_workflows w on w.document_id = d.id
      left join evaluation_unit_years e on e.unit_id = u.id and e.fiscal_year = ${year}
     where ${unitInScope(scope, 'u')}
     order by u.code`.execute(db);
  return result.rows;
}

export interface DisclosureContext extends UnitYearReadiness {
  /** The bureau whose public address the unit's packages live under; null for a unit outside any bureau. */
  bureau: { id: number; code: string; name: string } | null;
  policy: StoredPolicy;
}

/** Everything publishing and the status pages decide on, for one unit-year; undefined: no such unit. */
export async function loadDisclosureContext(
  db: Executor,
  unitCode: string,
  year: number,
): Promise<DisclosureContext | undefined> {
  const readiness = await readDisclosureReadiness(db, unitCode, year);
  if (!readiness) return undefined;
  const found = await bureauOf(db, unitCode);
  const bureau = found
    ? {
        ...found,
        name: (await db.selectFrom('organisations').select('name').where('id', '=', found.id).executeTakeFirstOrThrow())
          .name,
      }
    : null;
  const policy = bureau
    ? await readDisclosurePolicy(db, bureau.id, year)
    : { ...defaultDisclosurePolicy(), version: 0 };
  return { ...readiness, bureau, policy };
}
