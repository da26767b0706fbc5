import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../domain/access.ts';
import { OrgCodeSchema } from './codes.ts';
import { PageQuerySchema, pageOf } from './paging.ts';

/** HTTP shapes of sessions, users and the audit log. */

const RoleSchema = z.enum(ROLES);

export const SessionUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  orgCode: z.string(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** `GET /api/session`: who is signed in, and the token every write must echo in X-CSRF-Token. */
export const SessionResponseSchema = z.object({
  user: SessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  /** Signed in with a one-time password: it must be changed (PUT /api/session/password) before anything else. */
  mustChangePassword: z.boolean(),
  /**
   * What the user may do, permission → scope (all units, own units, none; docs/permissions.md), so the
   * screens offer only that; null when nobody is signed in. The server checks every request anyway.
   */
  permissions: z.record(z.enum(PERMISSIONS), z.enum(['all', 'own', 'none'])).nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const SignInBodySchema = z.object({
  username: z.string().trim().min(1).max(64),
  // Long enough for any password the policy allows (256 characters, some of them outside the BMP).
  password: z.string().min(1).max(1024),
});

export const UserSchema = SessionUserSchema.extend({
  disabled: z.boolean(),
  /** The name's sign-in lockout, while it lasts. */
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  /** Where notifications are e-mailed (decision 037). */
  email: z.string().nullable(),
});
export type UserView = z.infer<typeof UserSchema>;
/** GET /api/users: a page of users by username; ?search= username prefix or part of the display name, ?role=, ?orgCode=. */
export const UserListQuerySchema = PageQuerySchema.extend({
  search: z.string().trim().max(100).optional(),
  role: RoleSchema.optional(),
  orgCode: OrgCodeSchema.optional(),
});
export const UserPageSchema = pageOf(UserSchema);

export const NewUserBodySchema = z.object({
  username: z.string(),
  displayName: z.string().optional(),
  role: RoleSchema,
  orgCode: OrgCodeSchema.or(z.literal('')).default(''),
  password: z.string(),
});

/** PATCH /api/users/:username: any of these; what is not given stays. */
export const UserPatchBodySchema = z.object({
  disabled: z.boolean().optional(),
  role: RoleSchema.optional(),
  orgCode: OrgCodeSchema.or(z.literal('')).optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
  /** '' removes the address. */
  email: z.string().trim().max(254).optional(),
});
export type UserPatch = z.infer<typeof UserPatchBodySchema>;

/** POST /api/users/:username/password-reset: the one-time password, shown to the administrator once. */
export const PasswordResetResponseSchema = z.object({ username: z.string(), oneTimePassword: z.string() });
export type PasswordResetResponse = z.infer<typeof PasswordResetResponseSchema>;

/** PUT /api/session/password: one's own password. */
export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
});

/** GET /api/session/sessions: one's own sessions; `id` is a random public id, never the token's hash. */
export const OwnSessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeen: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  current: z.boolean(),
});
export type OwnSessionView = z.infer<typeof OwnSessionSchema>;
export const OwnSessionListSchema = z.object({ items: z.array(OwnSessionSchema) });
export const SessionIdParamsSchema = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });
export const UsernameParamsSchema = z.object({ username: z.string().min(1).max(64) });

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  unitCode: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  entity: z.string(),
  entityKey: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = pageOf(AuditEntrySchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  entity: z.string().max(64).optional(),
});
