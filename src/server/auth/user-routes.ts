import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  NewUserBodySchema,
  PasswordResetResponseSchema,
  type UserPatch,
  UserListQuerySchema,
  UserPageSchema,
  UserPatchBodySchema,
  UserSchema,
  type UserView,
  UsernameParamsSchema,
} from '../../contract/accounts.ts';
import type { Db } from '../../db/database.ts';
import type { UserRow } from '../../db/users.repo.ts';
import type { Actor } from '../../domain/access.ts';
import { createUser } from '../../usecases/create-user.ts';
import { setUserEnabled } from '../../usecases/disable-user.ts';
import { listUserPage } from '../../usecases/list-user-page.ts';
import { resetUserPassword } from '../../usecases/reset-password.ts';
import { updateUser } from '../../usecases/update-user.ts';
import { actorOf } from './route-guard.ts';

const tags = ['users'];
const access = { permission: 'users:manage' } as const;

function view(user: UserRow & { lockedUntil?: Date | null }): UserView {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgCode: user.orgCode,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    mustChangePassword: user.mustChangePassword,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    email: user.email,
  };
}

/** Profile first (validated as a whole), then the enabled state; the answer is the user after both. */
async function patchUser(db: Db, actor: Actor, username: string, patch: UserPatch): Promise<UserRow> {
  const { disabled, ...profile } = patch;
  let user: UserRow | undefined;
  if (Object.keys(profile).length > 0) user = await updateUser(db, actor, username, profile);
  if (disabled !== undefined) user = await setUserEnabled(db, actor, { username, enabled: !disabled });
  return user ?? updateUser(db, actor, username, {});
}

export function userRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { access },
        schema: {
          summary:
            'A page of users by username (no password hashes); ?search= username prefix or part of the display name, ?role=, ?orgCode=',
          tags,
          querystring: UserListQuerySchema,
          response: { 200: UserPageSchema },
        },
      },
      async (request) => {
        const page = await listUserPage(db, request.query);
        return { ...page, items: page.items.map(view) };
      },
    );

    app.post(
      '/api/users',
      {
        config: { access },
        schema: {
          summary: 'Create a user; the password is stored as argon2id',
          tags,
          body: NewUserBodySchema,
          response: { 201: UserSchema },
        },
      },
      async (request, reply) => {
        const created = await createUser(db, actorOf(request), request.body);
        return reply.code(201).send(view(created));
      },
    );

    app.patch(
      '/api/users/:username',
      {
        config: { access },
        schema: {
          summary:
            'Assign role, organisation (must exist and fit the role) or display name; disable or re-enable (disabling ends its sessions)',
          tags,
          params: UsernameParamsSchema,
          body: UserPatchBodySchema,
          response: { 200: UserSchema },
        },
      },
      async (request) => view(await patchUser(db, actorOf(request), request.params.username, request.body)),
    );

    app.post(
      '/api/users/:username/password-reset',
      {
        config: { access },
        schema: {
          summary:
            "Reset a password: answers a one-time password (shown once) the user must change at the next sign-in; ends the user's sessions",
          tags,
          params: UsernameParamsSchema,
          response: { 200: PasswordResetResponseSchema },
        },
      },
      async (request) => {
        const reset = await resetUserPassword(db, actorOf(request), { username: request.params.username });
        return { username: reset.username, oneTimePassword: reset.password };
      },
    );
  };
}
