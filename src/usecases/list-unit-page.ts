import type { z } from 'zod';
import { UnitListQuerySchema } from '../contract/api.ts';
import { type Page, limitOffset } from '../contract/paging.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { type UnitYears, findUnitPage } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';

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
