import { type Actor, PERMISSIONS, type Permission, type Role } from './access.ts';

/**
 * Who may do what, and where. `all`: on every unit; `own`: on the units inside the actor's
 * organisation (a unit user: that unit only); `none`: never. The same table is committed in
 * docs/permissions.md, and a test checks that the two agree.
 */
export type Scope = 'all' | 'own' | 'none';

export const PERMISSION_TABLE: Record<Role, Record<Permission, Scope>> = {
  admin: allOf('all'),
  bureau: {
    ...allOf('none'),
    'targets:read': 'own',
    'targets:review': 'own',
    'evaluation:edit': 'own',
    'evaluation:review': 'own',
    'monitoring:act': 'own',
    'results:act': 'own',
    'audit:read': 'own',
    'overview:read': 'own',
    'policies:manage': 'own',
    'organisations:manage': 'own',
    'years:manage': 'own',
    'disclosure:publish': 'own',
  },
  department: {
    ...allOf('none'),
    'targets:read': 'own',
    'targets:review': 'own',
    'evaluation:review': 'own',
    'monitoring:act': 'own',
    'results:act': 'own',
    'audit:read': 'own',
    'overview:read': 'own',
  },
  unit: {
    ...allOf('none'),
    'targets:read': 'own',
    'targets:edit': 'own',
    'targets:submit': 'own',
    'monitoring:edit': 'own',
    'evaluation:edit': 'own',
    'results:reply': 'own',
    'disclosure:publish': 'own',
  },
  auditor: {
    ...allOf('none'),
    'targets:read': 'own',
    'audit:read': 'own',
    'overview:read': 'own',
  },
};

function allOf(scope: Scope): Record<Permission, Scope> {
  return Object.fromEntries(PERMISSIONS.map((permission) => [permission, scope])) as Record<Permission, Scope>;
}

/** The unit a request is about, with its organisations (department, bureau), nearest first. */
export interface AccessTarget {
  unitCode: string;
  unitAncestors: string[];
}

/**
 * Whether `actor` may use `permission` on `target`. With no target (a list, the user admin) the
 * role's permission alone decides; the use-case then narrows what it returns to the actor's units.
 */
export function can(actor: Actor, permission: Permission, target: AccessTarget | null): boolean {
  const scope = PERMISSION_TABLE[actor.role][permission];
  if (scope === 'none') return false;
  if (scope === 'all' || target === null) return true;
  return isInOrganisation(actor, target);
}

/** A unit user's organisation is its unit; everyone else's is a bureau or department above units. */
export function isInOrganisation(actor: Actor, target: AccessTarget): boolean {
  if (actor.role === 'admin') return true;
  if (actor.orgCode === '') return false;
  if (actor.role === 'unit') return target.unitCode === actor.orgCode;
  return target.unitAncestors.includes(actor.orgCode);
}
