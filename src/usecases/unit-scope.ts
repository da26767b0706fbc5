import type { UnitScope } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { PERMISSION_TABLE } from '../domain/permissions.ts';

/**
 * The units whose targets an actor may read (docs/permissions.md, targets:read), as a condition the
 * repository turns into SQL: a list endpoint then pages over exactly the visible rows in one query,
 * instead of loading every visible unit code first (visible-units.ts) and filtering in memory.
 */
export function unitScopeOf(actor: Actor): UnitScope {
  const scope = PERMISSION_TABLE[actor.role]['targets:read'];
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'none' || actor.orgCode === '') return { kind: 'none' };
  if (actor.role === 'unit') return { kind: 'unit', code: actor.orgCode };
  return { kind: 'organisation', code: actor.orgCode };
}
