import { z } from 'zod';
import { ROLES } from '../domain/access.ts';
import { PageQuerySchema, pageOf } from './paging.ts';

/** HTTP shapes of sessions, users and the audit log. */

export const RoleSchema = z.enum(ROLES);

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
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const SignInBodySchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const UserSchema = SessionUserSchema.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
});
/** GET /api/users: a page of users by username; ?search= username prefix or part of the display name, ?role=, ?orgCode=. */
export const UserListQuerySchema = PageQuerySchema.extend({
  search: z.string().trim().max(100).optional(),
  role: RoleSchema.optional(),
  orgCode: z.string().trim().max(64).optional(),
});
export const UserPageSchema = pageOf(UserSchema);

export const NewUserBodySchema = z.object({
  username: z.string(),
  displayName: z.string().optional(),
  role: RoleSchema,
  orgCode: z.string().default(''),
  password: z.string(),
});

export const UserPatchBodySchema = z.object({ disabled: z.boolean() });
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
