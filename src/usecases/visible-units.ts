import { unitCodesUnder } from '../db/organisations.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import { PERMISSION_TABLE } from '../domain/permissions.ts';

/**
 * The units whose targets an actor may read (docs/permissions.md, targets:read): null = every unit,
 * otherwise the unit codes inside the actor's organisation. Every list and bureau view narrows by this.
 */
export async function visibleUnitCodes(db: Executor, actor: Actor): Promise<string[] | null> {
  const scope = PERMISSION_TABLE[actor.role]['targets:read'];
  if (scope === 'all') return null;
  if (scope === 'none' || actor.orgCode === '') return [];
  if (actor.role === 'unit') return [actor.orgCode];
  return unitCodesUnder(db, actor.orgCode);
}
