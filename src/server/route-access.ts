import type { Actor, Permission } from '../domain/access.ts';

/**
 * Every route says who may call it, in its `config.access`; one hook checks it before the handler.
 * A route with a `:unitCode` parameter is scoped to that unit: the actor's organisation must
 * contain it. Routes without one are checked against the permission alone.
 */
export type RouteAccess = 'public' | 'signed-in' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The signed-in user, or null on a public route without a session. */
    actor: Actor | null;
  }
}
