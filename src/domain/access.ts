/**
 * Who is acting, in the terms of the permission table (docs/permissions.md). Pure types: the
 * server resolves the actor from the session, the CLI acts as the local administrator.
 */
export const ROLES = ['admin', 'bureau', 'department', 'unit', 'auditor'] as const;
/** admin: runs the installation; bureau: 财政局; department: 主管部门; unit: 预算单位; auditor: read-only 审计. */
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'targets:read',
  'targets:edit',
  'targets:submit',
  'targets:review',
  'monitoring:edit',
  'evaluation:edit',
  'evaluation:review',
  'monitoring:act',
  'audit:read',
  'overview:read',
  'policies:manage',
  'users:manage',
  'organisations:manage',
  'years:manage',
  'results:act',
  'results:reply',
  'disclosure:publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** The organisation the user belongs to: a bureau or department code, or a unit code. */
  orgCode: string;
}

/** The CLI and the demo loader write as this actor: local administration, not a signed-in user. */
export const SYSTEM_ACTOR: Actor = { userId: 0, username: 'system', displayName: '系统', role: 'admin', orgCode: '' };
