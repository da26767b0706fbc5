import { PERMISSION_TABLE } from '../../domain/permissions.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SessionResponseSchema } from '../../contract/accounts.ts';
import { InstanceStateSchema, SetupBodySchema } from '../../contract/instance.ts';
import type { Db } from '../../db/database.ts';
import { createFirstAdmin } from '../../usecases/ensure-first-admin.ts';
import { getInstanceState } from '../../usecases/get-instance-state.ts';
import { signIn } from '../../usecases/sign-in.ts';
import { type CookieOptions, setSessionCookie } from '../auth/session-cookie.ts';

const tags = ['instance'];

/**
 * The installation itself: whether it is a demo and whether it still needs its first
 * administrator (public: the sign-in page asks before anyone is signed in), and the setup link's
 * form. POST /api/setup is public too: the one-time token is the credential, and it works only
 * while no administrator exists.
 */
export function instanceRoutes(db: Db, cookies: CookieOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/instance',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Whether the demo is loaded and whether the first administrator is still to be created',
          tags,
          response: { 200: InstanceStateSchema },
        },
      },
      async () => getInstanceState(db),
    );

    app.post(
      '/api/setup',
      {
        config: { access: 'public' },
        schema: {
          summary:
            'Create the first administrator with the one-time token of the setup link printed by `jixiao serve`; signs in',
          tags,
          body: SetupBodySchema,
          response: { 201: SessionResponseSchema },
        },
      },
      async (request, reply) => {
        const { token, username, password, displayName } = request.body;
        await createFirstAdmin(db, { username, password, displayName }, { setupToken: token });
        const session = await signIn(db, { username: username.trim(), password, ip: request.ip });
        setSessionCookie(reply, request, session.token, session.expiresAt, cookies);
        const { actor } = session;
        return reply.code(201).send({
          user: { username: actor.username, displayName: actor.displayName, role: actor.role, orgCode: actor.orgCode },
          csrfToken: session.csrfToken,
          // The administrator has just chosen this password.
          mustChangePassword: false,
          permissions: PERMISSION_TABLE[actor.role],
        });
      },
    );
  };
}
