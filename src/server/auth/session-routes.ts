import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBodySchema,
  OwnSessionListSchema,
  SessionIdParamsSchema,
  SessionResponseSchema,
  SignInBodySchema,
} from '../../contract/accounts.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { PERMISSION_TABLE } from '../../domain/permissions.ts';
import { changeOwnPassword } from '../../usecases/change-password.ts';
import { endOwnSession } from '../../usecases/end-own-session.ts';
import { listOwnSessions } from '../../usecases/list-own-sessions.ts';
import { signOut } from '../../usecases/sign-out.ts';
import { signIn } from '../../usecases/sign-in.ts';
import { actorOf } from './route-guard.ts';
import { type CookieOptions, clearSessionCookie, setSessionCookie } from './session-cookie.ts';

const tags = ['session'];
/** Who am I, sign out and the password change stay open to a session with a one-time password. */
const selfService = { access: 'signed-in', allowedBeforePasswordChange: true } as const;

function userOf(actor: Actor) {
  return { username: actor.username, displayName: actor.displayName, role: actor.role, orgCode: actor.orgCode };
}

/** The role's row of the permission table: the screens hide what the role never does (issue 17 item 4). */
function permissionsOf(actor: Actor) {
  return PERMISSION_TABLE[actor.role];
}

export function sessionRoutes(db: Db, cookies: CookieOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/session',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Sign in: sets the HttpOnly session cookie; answers the CSRF token writes must send as X-CSRF-Token',
          tags,
          body: SignInBodySchema,
          response: { 200: SessionResponseSchema },
        },
      },
      async (request, reply) => {
        const userAgent = request.headers['user-agent'] ?? '';
        const session = await signIn(db, { ...request.body, ip: request.ip, userAgent });
        setSessionCookie(reply, request, session.token, session.expiresAt, cookies);
        return {
          user: userOf(session.actor),
          csrfToken: session.csrfToken,
          mustChangePassword: session.mustChangePassword,
          permissions: permissionsOf(session.actor),
        };
      },
    );

    app.get(
      '/api/session',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Who is signed in (user null when nobody), and the CSRF token',
          tags,
          response: { 200: SessionResponseSchema },
        },
      },
      async (request) => {
        const session = request.authSession;
        if (!session) return { user: null, csrfToken: null, mustChangePassword: false, permissions: null };
        return {
          user: userOf(session.actor),
          csrfToken: session.csrfToken,
          mustChangePassword: session.mustChangePassword,
          permissions: permissionsOf(session.actor),
        };
      },
    );

    app.delete(
      '/api/session',
      {
        config: selfService,
        schema: {
          summary: 'Sign out: ends the session in the database and clears the cookie',
          tags,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        if (request.authSession) await signOut(db, request.authSession.sessionId);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/api/session/password',
      {
        config: selfService,
        schema: {
          summary:
            "Change one's own password (the current one is required); ends the user's other sessions, keeps this one",
          tags,
          body: ChangePasswordBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await changeOwnPassword(db, actorOf(request), currentSessionId(request.authSession), request.body);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/session/sessions',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: "One's own sessions: created, last seen, address, browser; the current one marked",
          tags,
          response: { 200: OwnSessionListSchema },
        },
      },
      async (request) => {
        const sessions = await listOwnSessions(db, actorOf(request), currentSessionId(request.authSession));
        return {
          items: sessions.map((s) => ({
            ...s,
            createdAt: s.createdAt.toISOString(),
            lastSeen: s.lastSeen.toISOString(),
          })),
        };
      },
    );

    app.delete(
      '/api/session/sessions/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: "End one of one's own sessions (by its public id); ending the current one signs out",
          tags,
          params: SessionIdParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { wasCurrent } = await endOwnSession(
          db,
          actorOf(request),
          currentSessionId(request.authSession),
          request.params.id,
        );
        if (wasCurrent) clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );
  };
}

function currentSessionId(session: { sessionId: string } | null): string {
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  return session.sessionId;
}
