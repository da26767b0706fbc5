import type { z } from 'zod';
import {
  type PasswordResetResponse,
  PasswordResetResponseSchema,
  type UserPatch,
  UserPageSchema,
  UserSchema,
  type UserView,
} from '../../contract/accounts.ts';
import type { Role } from '../../domain/access.ts';
import { jsonBody, request } from '../http/client.ts';

export type UserPage = z.infer<typeof UserPageSchema>;

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  orgCode: string;
  password: string;
}

const path = (username: string) => `/api/users/${encodeURIComponent(username)}`;

/** The user administration's HTTP calls (src/server/auth/user-routes.ts, permission users:manage). */
export async function fetchUsers(query: { page: number; pageSize: number; search?: string }): Promise<UserPage> {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.search) params.set('search', query.search);
  return (await request(UserPageSchema, `/api/users?${params}`)).data;
}

export async function createUser(user: NewUser): Promise<UserView> {
  return (await request(UserSchema, '/api/users', { method: 'POST', ...jsonBody(user) })).data;
}

export async function patchUser(username: string, patch: UserPatch): Promise<UserView> {
  return (await request(UserSchema, path(username), { method: 'PATCH', ...jsonBody(patch) })).data;
}

export async function resetPassword(username: string): Promise<PasswordResetResponse> {
  return (await request(PasswordResetResponseSchema, `${path(username)}/password-reset`, { method: 'POST' })).data;
}
