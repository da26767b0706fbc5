import { type RawBuilder, sql } from 'kysely';
import type { DisclosureKind, DisclosureManifest } from '../domain/disclosure/packages.ts';
import { subtreeOf } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';

/**
 * The anonymous reads of disclosure (decision 047). Every query here filters through `visible`: a version is
 * reachable only when it is published, not withdrawn, its unit is under the named bureau, and that bureau's
 * publication date for the year has come. Nothing else (drafts, other bureaus, internal ids) can be selected.
 */
function visible(bureauCode: string): RawBuilder<boolean> {
  return sql<boolean>`
    p.withdrawn_at is null
    and u.parent_id in ${subtreeOf(bureauCode)}
    and exists (select 1 from organisations b where b.code = ${bureauCode} and b.kind = 'bureau')
    and not exists (
      select 1 from disclosure_policies pol join organisations b on b.id = pol.organisation_id
       where b.code = ${bureauCode} and pol.fiscal_year = p.fiscal_year and pol.publish_at > now())`;
}

/** The bureau's name and the years it has something public in, newest first; undefined: nothing public at all. */
export async function publicYears(
  db: Executor,
  bureauCode: string,
): Promise<{ bureauName: string; years: number[] } | undefined> {
  const result = await sql<{ bureauName: string; year: number }>`
    select p.manifest->'bureau'->>'name' as "bureauName", p.fiscal_year as year
      from disclosure_packages p join units u on u.id = p.unit_id
     where ${visible(bureauCode)}
     order by p.fiscal_year desc, p.published_at desc`.execute(db);
  const first = result.rows[0];
  return first ? { bureauName: first.bureauName, years: [...new Set(result.rows.map((r) => r.year))] } : undefined;
}

export interface PublicIndexRow {
  unitCode: string;
  unitName: string;
  kind: DisclosureKind;
  publishedAt: string;
}

/** The bureau's name and each unit's public packages in `year` (latest version), by unit code. */
export async function publicIndex(
  db: Executor,
  bureauCode: string,
  year: number,
): Promise<{ bureauName: string; rows: PublicIndexRow[] } | undefined> {
  const result = await sql<PublicIndexRow & { bureauName: string }>`
    select distinct on (u.code, p.kind) p.manifest->'bureau'->>'name' as "bureauName", u.code as "unitCode",
           p.manifest->'unit'->>'name' as "unitName", p.kind, p.published_at as "publishedAt"
      from disclosure_packages p join units u on u.id = p.unit_id
     where p.fiscal_year = ${year} and ${visible(bureauCode)}
     order by u.code, p.kind, p.version desc`.execute(db);
  const first = result.rows[0];
  if (!first) return undefined;
  const rows = result.rows.map(({ bureauName: _, ...row }) => ({
    ...row,
    publishedAt: new Date(row.publishedAt).toISOString(),
  }));
  return { bureauName: first.bureauName, rows };
}

export interface PublicVersion {
  version: number;
  publishedAt: string;
  manifest: DisclosureManifest;
}

/** The public versions of one unit-year-kind, newest first (empty: nothing public). */
export async function publicVersions(
  db: Executor,
  key: { bureauCode: string; year: number; unitCode: string; kind: DisclosureKind },
): Promise<{ bureauName: string; versions: PublicVersion[] }> {
  const result = await sql<PublicVersion & { bureauName: string }>`
    select p.manifest->'bureau'->>'name' as "bureauName", p.version, p.published_at as "publishedAt", p.manifest
      from disclosure_packages p join units u on u.id = p.unit_id
     where p.fiscal_year = ${key.year} and u.code = ${key.unitCode} and p.kind = ${key.kind}
       and ${visible(key.bureauCode)}
     order by p.version desc`.execute(db);
  return {
    bureauName: result.rows[0]?.bureauName ?? '',
    versions: result.rows.map(({ bureauName: _, ...row }) => ({
      ...row,
      publishedAt: new Date(row.publishedAt).toISOString(),
    })),
  };
}

/** One public file's bytes: of `version`, or of the latest public version when null; undefined: not public. */
export async function publicFile(
  db: Executor,
  key: { bureauCode: string; year: number; unitCode: string; kind: DisclosureKind; version: number | null },
  name: string,
): Promise<{ contentType: string; content: Buffer } | undefined> {
  const result = await sql<{ contentType: string; content: Buffer | Uint8Array }>`
    select f.content_type as "contentType", f.content
      from disclosure_files f join (
        select p.id from disclosure_packages p join units u on u.id = p.unit_id
         where p.fiscal_year = ${key.year} and u.code = ${key.unitCode} and p.kind = ${key.kind}
           and ${key.version === null ? sql`true` : sql`p.version = ${key.version}`} and ${visible(key.bureauCode)}
         order by p.version desc limit 1) pkg on pkg.id = f.package_id
     where f.name = ${name}`.execute(db);
  const row = result.rows[0];
  return row ? { contentType: row.contentType, content: Buffer.from(row.content) } : undefined;
}
