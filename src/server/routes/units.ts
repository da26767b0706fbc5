import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TargetsResponseSchema, UnitListSchema, UnitYearParamsSchema } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import { getTargets } from '../../usecases/get-targets.ts';
import { listUnits } from '../../usecases/list-units.ts';
import { actorOf } from '../auth/route-guard.ts';
import { etagOf } from '../versioning.ts';

export function unitRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/units', {
      config: { access: { permission: 'targets:read' } },
      schema: { summary: 'The units the user may read, with the fiscal years they have targets for', tags: ['units'], response: { 200: UnitListSchema } },
    }, async (request) => ({ units: await listUnits(db, actorOf(request)) }));

    app.get('/api/units/:unitCode/years/:year/targets', {
      config: { access: { permission: 'targets:read' } },
      schema: {
        summary: "A unit-year's whole target document (jixiao/targets@1)",
        tags: ['targets'],
        params: UnitYearParamsSchema,
        response: { 200: TargetsResponseSchema },
      },
    }, async (request, reply) => {
      const { unitCode, year } = request.params;
      const { document, version } = await getTargets(db, { unitCode, fiscalYear: year });
      reply.header('ETag', etagOf(version));
      return { ...document, fiscalYear: year };
    });
  };
}
