import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { JobParamsSchema, JobSchema } from '../../contract/jobs.ts';
import type { Db } from '../../db/database.ts';
import { getJob } from '../../usecases/get-job.ts';
import { actorOf } from '../auth/route-guard.ts';

/** Progress of the signed-in user's long-running jobs, read from PostgreSQL so any server can answer. */
export function jobRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/jobs/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: "A job's progress ({ state, done, total }); the user's own jobs only",
          tags: ['jobs'],
          params: JobParamsSchema,
          response: { 200: JobSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        // Progress changes every second: never from a cache.
        reply.header('Cache-Control', 'no-store');
        return getJob(db, actor, request.params.id);
      },
    );
  };
}
