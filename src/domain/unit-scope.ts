import type { Actor } from './access.ts';
import { PERMISSION_TABLE } from './permissions.ts';

/** Which units a reader sees: all, none, one unit, or every unit under an organisation (any depth). */
export type UnitScope =
  { kind: 'all' } | { kind: 'none' } | { kind: 'unit'; code: string } | { kind: 'organisation'; code: string };

/**
 * The units whose targets an actor may read (docs/permissions.md, targets:read): the one rule every
 * list and bureau view narrows by. The repositories turn the scope into a join on the organisation
 * tree (src/db/org-tree.sql.ts), so a page costs the same few statements whatever the number of units.
 */
export function unitScopeOf(actor: Actor): UnitScope {
  const scope = PERMISSION_TABLE[actor.role]['targets:read'];
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'none' || actor.orgCode === '') return { kind: 'none' };
  if (actor.role === 'unit') return { kind: 'unit', code: actor.orgCode };
  return { kind: 'organisation', code: actor.orgCode };
}
