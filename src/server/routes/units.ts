import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FiscalYearListSchema,
  TargetsResponseSchema,
  UnitListQuerySchema,
  UnitPageSchema,
  UnitYearParamsSchema,
} from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import { getTargets } from '../../usecases/get-targets.ts';
import { listFiscalYears } from '../../usecases/list-fiscal-years.ts';
import { listUnitPage } from '../../usecases/list-unit-page.ts';
import { actorOf } from '../auth/route-guard.ts';
import { etagOf } from '../versioning.ts';

export function unitRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units',
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary:
            'A page of the units the user may read (by code), each with the fiscal years it has targets for; ?search= code prefix or part of the name, ?year=, ?orgCode=',
          tags: ['units'],
          querystring: UnitListQuerySchema,
          response: { 200: UnitPageSchema },
        },
      },
      async (request) => listUnitPage(db, actorOf(request), request.query),
    );

    app.get(
      '/api/units/fiscal-years',
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'The fiscal years any unit the user may read has targets for, newest first',
          tags: ['units'],
          response: { 200: FiscalYearListSchema },
        },
      },
      async (request) => ({ years: await listFiscalYears(db, actorOf(request)) }),
    );

    app.get(
      '/api/units/:unitCode/years/:year/targets',
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: "A unit-year's whole target document (jixiao/targets@1)",
          tags: ['targets'],
          params: UnitYearParamsSchema,
          response: { 200: TargetsResponseSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const { document, version, projectVersions } = await getTargets(db, { unitCode, fiscalYear: year });
        reply.header('ETag', etagOf(version));
        return { ...document, fiscalYear: year, projectVersions };
      },
    );
  };
}
