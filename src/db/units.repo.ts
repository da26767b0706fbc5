import { type SelectQueryBuilder, sql } from 'kysely';
import type { Unit } from '../domain/targets.ts';
import type { UnitScope } from '../domain/unit-scope.ts';
import { unitInScope } from './org-tree.sql.ts';
import type { Executor, Schema } from './schema.ts';

/** Creates the unit or renames it to the name the latest document gives; returns its id. */
export async function upsertUnit(db: Executor, unit: Unit): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({ code: unit.code, name: unit.name })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: unit.name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UnitYears {
  code: string;
  name: string;
  years: number[];
}

/**
 * Every unit by code, with the fiscal years it has targets for, ascending. Unbounded: kept for the
 * callers that really need every unit (bulk export); lists for a screen use `findUnitPage`.
 */
export async function listUnitsWithYears(db: Executor): Promise<UnitYears[]> {
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('target_documents as d', 'd.unit_id', 'u.id')
    .select(['u.code', 'u.name', 'd.fiscal_year'])
    .orderBy('u.code')
    .orderBy('d.fiscal_year')
    .execute();
  const units = new Map<string, UnitYears>();
  for (const row of rows) {
    const unit = units.get(row.code) ?? { code: row.code, name: row.name, years: [] };
    if (row.fiscal_year !== null) unit.years.push(row.fiscal_year);
    units.set(row.code, unit);
  }
  return [...units.values()];
}

export interface UnitFilter {
  scope: UnitScope;
  /** A code prefix or a part of the name, case-insensitive. */
  search?: string;
  /** Only units with targets for this year. */
  fiscalYear?: number;
  /** Only units under this bureau or department (within the scope). */
  orgCode?: string;
}

/** Escapes LIKE's wildcards so a search for "10%" means the characters, not a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type UnitQuery = SelectQueryBuilder<Schema & { u: Schema['units'] }, 'u', object>;

function filtered(db: Executor, filter: UnitFilter): UnitQuery {
  let query = db.selectFrom('units as u') as UnitQuery;
  if (filter.scope.kind !== 'all') query = query.where(unitInScope(filter.scope, 'u'));
  if (filter.orgCode !== undefined)
    query = query.where(unitInScope({ kind: 'organisation', code: filter.orgCode }, 'u'));
  const search = filter.search?.trim();
  if (search) {
    // A code is searched by prefix (index on lower(code) text_pattern_ops); a Chinese name by any
    // part of it, which no btree can serve: a scan of the units table, a few thousand short rows.
    const pattern = escapeLike(search.toLowerCase());
    query = query.where(sql<boolean>`(lower(u.code) like ${`${pattern}%`} or lower(u.name) like ${`%${pattern}%`})`);
  }
  if (filter.fiscalYear !== undefined) {
    const year = filter.fiscalYear;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('target_documents as y')
          .select('y.id')
          .whereRef('y.unit_id', '=', 'u.id')
          .where('y.fiscal_year', '=', year),
      ),
    );
  }
  return query;
}

function parseYears(value: unknown): number[] {
  const years = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(years) ? years.map(Number) : [];
}

/**
 * One page of the units matching `filter`, by code, each with all its fiscal years, and how many
 * match in all: one statement — the page is cut from the units first (count(*) over the matching
 * rows, no grouping), then only its rows look up their years — and a second only for a page past the end.
 */
export async function findUnitPage(
  db: Executor,
  filter: UnitFilter,
  page: { limit: number; offset: number },
): Promise<{ items: UnitYears[]; total: number }> {
  const units = filtered(db, filter)
    .select(['u.id', 'u.code', 'u.name', sql<string>`count(*) over ()`.as('total')])
    .orderBy('u.code')
    .limit(page.limit)
    .offset(page.offset)
    .as('p');
  const rows = await db
    .selectFrom(units)
    .select([
      'p.code',
      'p.name',
      'p.total',
      sql<unknown>`coalesce((select json_agg(d.fiscal_year order by d.fiscal_year) from target_documents d where d.unit_id = p.id), '[]'::json)`.as(
        'years',
      ),
    ])
    .orderBy('p.code')
    .execute();
  const items = rows.map((row) => ({ code: row.code, name: row.name, years: parseYears(row.years) }));
  if (rows.length > 0) return { items, total: Number(rows[0]!.total) };
  if (page.offset === 0) return { items, total: 0 };
  const counted = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { items, total: Number(counted.n) };
}

/** The fiscal years any unit in scope has targets for, newest first (the year filter's choices). */
export async function findFiscalYears(db: Executor, scope: UnitScope): Promise<number[]> {
  const rows = await filtered(db, { scope })
    .innerJoin('target_documents as d', 'd.unit_id', 'u.id')
    .select('d.fiscal_year')
    .distinct()
    .orderBy('d.fiscal_year', 'desc')
    .execute();
  return rows.map((row) => row.fiscal_year);
}
