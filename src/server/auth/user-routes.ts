import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NewUserBodySchema, UserListQuerySchema, UserPageSchema, UserPatchBodySchema, UserSchema, UsernameParamsSchema } from '../../contract/accounts.ts';
import type { Db } from '../../db/database.ts';
import type { UserRow } from '../../db/users.repo.ts';
import { createUser } from '../../usecases/create-user.ts';
import { setUserEnabled } from '../../usecases/disable-user.ts';
import { listUserPage } from '../../usecases/list-users.ts';
import { actorOf } from './route-guard.ts';

const tags = ['users'];
const access = { permission: 'users:manage' } as const;

function view(user: UserRow) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgCode: user.orgCode,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
  };
}

export function userRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/users', {
      config: { access },
      schema: {
        summary: 'A page of users by username (no password hashes); ?search= username prefix or part of the display name, ?role=, ?orgCode=',
        tags,
        querystring: UserListQuerySchema,
        response: { 200: UserPageSchema },
      },
    }, async (request) => {
      const page = await listUserPage(db, request.query);
      return { ...page, items: page.items.map(view) };
    });

    app.post('/api/users', {
      config: { access },
      schema: { summary: 'Create a user; the password is stored as argon2id', tags, body: NewUserBodySchema, response: { 201: UserSchema } },
    }, async (request, reply) => {
      const created = await createUser(db, actorOf(request), request.body);
      return reply.code(201).send(view(created));
    });

    app.patch('/api/users/:username', {
      config: { access },
      schema: { summary: 'Disable or re-enable a user (disabling ends its sessions)', tags, params: UsernameParamsSchema, body: UserPatchBodySchema, response: { 200: UserSchema } },
    }, async (request) => view(await setUserEnabled(db, actorOf(request), { username: request.params.username, enabled: !request.body.disabled })));
  };
}
