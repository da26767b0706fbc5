import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionResponseSchema, SignInBodySchema } from '../../contract/accounts.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import { signOut } from '../../usecases/resolve-session.ts';
import { signIn } from '../../usecases/sign-in.ts';
import { type CookieOptions, clearSessionCookie, setSessionCookie } from './session-cookie.ts';

const tags = ['session'];

function userOf(actor: Actor) {
  return { username: actor.username, displayName: actor.displayName, role: actor.role, orgCode: actor.orgCode };
}

export function sessionRoutes(db: Db, cookies: CookieOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/session', {
      config: { access: 'public' },
      schema: {
        summary: 'Sign in: sets the HttpOnly session cookie; answers the CSRF token writes must send as X-CSRF-Token',
        tags, body: SignInBodySchema, response: { 200: SessionResponseSchema },
      },
    }, async (request, reply) => {
      const session = await signIn(db, { ...request.body, ip: request.ip });
      setSessionCookie(reply, request, session.token, session.expiresAt, cookies);
      return { user: userOf(session.actor), csrfToken: session.csrfToken };
    });

    app.get('/api/session', {
      config: { access: 'public' },
      schema: { summary: 'Who is signed in (user null when nobody), and the CSRF token', tags, response: { 200: SessionResponseSchema } },
    }, async (request) => {
      const session = request.authSession;
      return session ? { user: userOf(session.actor), csrfToken: session.csrfToken } : { user: null, csrfToken: null };
    });

    app.delete('/api/session', {
      config: { access: 'signed-in' },
      schema: { summary: 'Sign out: ends the session in the database and clears the cookie', tags, response: { 204: z.null() } },
    }, async (request, reply) => {
      if (request.authSession) await signOut(db, request.authSession.sessionId);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    });
  };
}
