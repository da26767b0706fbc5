import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import { installRouteGuard } from './route-guard.ts';
import type { CookieOptions } from './session-cookie.ts';
import { sessionRoutes } from './session-routes.ts';
import { userRoutes } from './user-routes.ts';

/**
 * Cookies and the access guard. Must run before any route is registered: the guard's onRoute hook
 * sees only routes added after it.
 */
export async function registerAuth(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(fastifyCookie);
  installRouteGuard(app, db);
}

/** Sign in/out, who am I, and the user administration (registered after OpenAPI, so they are documented). */
export function authRoutes(db: Db, options: CookieOptions = {}): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(sessionRoutes(db, options));
    await app.register(userRoutes(db));
  };
}
