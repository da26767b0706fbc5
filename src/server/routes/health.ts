import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';

const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']), engine: z.enum(['pglite', 'postgres']), message: z.string().optional() });

/** A database that does not answer within this is as good as down for a load balancer. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * For load balancers and orchestrators: 200 when this process can reach its database, 503 when it
 * cannot (the balancer then sends users to the other servers). Public, and it reads no data.
 */
export function healthRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', {
      config: { access: 'public' },
      schema: {
        summary: 'Health check for load balancers: 200 when the database answers `select 1`, else 503',
        tags: ['health'],
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    }, async (_request, reply) => {
      try {
        await withTimeout(sql`select 1`.execute(db.kysely), CHECK_TIMEOUT_MS);
        return { status: 'ok' as const, engine: db.engine };
      } catch (error) {
        const message = `数据库不可用：${error instanceof Error ? error.message : String(error)}`;
        return reply.code(503).send({ status: 'unavailable' as const, engine: db.engine, message });
      }
    });
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${ms} ms 内没有应答`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
