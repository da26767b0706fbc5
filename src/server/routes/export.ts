import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import { EXPORT_FORMATS, exportTargets } from '../../usecases/export-targets.ts';

const ExportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default('json') });

export function exportRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/units/:unitCode/years/:year/export', {
      config: { access: { permission: 'targets:read' } },
      schema: {
        summary: "Download a unit-year's targets as exchange JSON or in the seed's text layout",
        tags: ['targets'],
        params: UnitYearParamsSchema,
        querystring: ExportQuerySchema,
      },
    }, async (request, reply) => {
      const { unitCode, year } = request.params;
      const file = await exportTargets(db, { unitCode, fiscalYear: year, format: request.query.format });
      const encoded = encodeURIComponent(file.fileName);
      reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', `attachment; filename="${unitCode}-${year}.${file.extension}"; filename*=UTF-8''${encoded}`);
      return file.content;
    });
  };
}
