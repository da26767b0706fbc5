import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { getReadiness } from '../../usecases/get-readiness.ts';

const LiveSchema = z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']) });
const ReadySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  engine: z.enum(['pglite', 'postgres']),
  /** Migrations this program knows that the database has not run (a server started before `migrate`). */
  pendingMigrations: z.array(z.string()).optional(),
  message: z.string().optional(),
});

/** A database that does not answer within this is as good as down for a load balancer. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * For load balancers and orchestrators. `/api/health`: the process is alive and answers (liveness;
 * touches no database, so a database outage does not get every server restarted). `/api/health/ready`:
 * 200 when the database answers and has run every migration this program knows, else 503 with the
 * reason (the balancer then sends users to the other servers). Public; neither reads any data.
 */
export function healthRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Liveness: 200 while the process answers (no database query)',
          tags: ['health'],
          response: { 200: LiveSchema },
        },
      },
      async () => ({ status: 'ok' as const, engine: db.engine }),
    );

    app.get(
      '/api/health/ready',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Readiness: 200 when the database answers and its migrations are current, else 503 with the reason',
          tags: ['health'],
          response: { 200: ReadySchema, 503: ReadySchema },
        },
      },
      async (_request, reply) => {
        let pending: string[];
        try {
          pending = (await getReadiness(db, CHECK_TIMEOUT_MS)).pendingMigrations;
        } catch (error) {
          const message = `数据库不可用：${error instanceof Error ? error.message : String(error)}`;
          return reply.code(503).send({ status: 'unavailable' as const, engine: db.engine, message });
        }
        if (pending.length > 0) {
          const message = `数据库结构未更新：${pending.length} 个迁移尚未执行（${pending.join('、')}）`;
          return reply
            .code(503)
            .send({ status: 'unavailable' as const, engine: db.engine, pendingMigrations: pending, message });
        }
        return { status: 'ok' as const, engine: db.engine };
      },
    );
  };
}
