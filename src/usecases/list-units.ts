import type { z } from 'zod';
import { UnitListQuerySchema } from '../contract/api.ts';
import { type Page, limitOffset } from '../contract/paging.ts';
import type { Db } from '../db/database.ts';
import { type UnitYears, findFiscalYears, findUnitPage } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from './unit-scope.ts';
import { validateInput } from './usecase-input.ts';

/**
 * One page of the units the actor may read (docs/permissions.md, targets:read), by code, each with
 * the fiscal years it has targets for: everything for an admin, the units under a bureau or
 * department, a unit user's own unit only. Paging and the visibility rule both run in SQL, so the
 * request costs the same few statements whatever the number of units.
 */
export async function listUnitPage(
  db: Db,
  actor: Actor,
  input: z.input<typeof UnitListQuerySchema> = {},
): Promise<Page<UnitYears>> {
  const query = validateInput(UnitListQuerySchema, input, '单位列表查询条件');
  const filter = { scope: unitScopeOf(actor), search: query.search, fiscalYear: query.year, orgCode: query.orgCode };
  const { items, total } = await findUnitPage(db.kysely, filter, limitOffset(query));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The fiscal years any unit the actor may read has targets for, newest first. */
export async function listFiscalYears(db: Db, actor: Actor): Promise<number[]> {
  return findFiscalYears(db.kysely, unitScopeOf(actor));
}

const EVERY_ROW = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };

/**
 * Every unit the actor may read, unpaged: for in-process callers that need them all (bulk export,
 * the demo loader's "is the database empty"). HTTP lists use `listUnitPage`.
 */
export async function listUnits(db: Db, actor: Actor): Promise<UnitYears[]> {
  return (await findUnitPage(db.kysely, { scope: unitScopeOf(actor) }, EVERY_ROW)).items;
}
