import type { FiscalYear } from '../contract/fiscal-years.ts';
import type { Db } from '../db/database.ts';
import { bureauOf, listFiscalYears } from '../db/fiscal-years.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';

/**
 * The years for the year switcher and the bureau's 年度管理 (decision 038), newest first: the years the actor's
 * bureau opened (with status and deadlines; the administrator sees every bureau's) and the years its units
 * have targets for.
 */
export async function listYears(db: Db, actor: Actor): Promise<FiscalYear[]> {
  const bureau =
    actor.role === 'admin'
      ? 'all'
      : actor.orgCode === ''
        ? null
        : ((await bureauOf(db.kysely, actor.orgCode))?.code ?? null);
  return listFiscalYears(db.kysely, bureau, unitScopeOf(actor));
}
