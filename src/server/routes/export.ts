import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import { attachment } from './documents.ts';
import { BINARY_FORMATS, EXPORT_FORMATS, type ExportFormat, exportTargets } from '../../usecases/export-targets.ts';

const ExportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default('json') });

export function exportRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units/:unitCode/years/:year/export',
      {
        // The binary formats are written in a render thread under the heavy-work limit; JSON and text are light.
        config: {
          access: { permission: 'targets:read' },
          heavy: (request) => BINARY_FORMATS.includes((request.query as { format?: ExportFormat }).format ?? 'json'),
        },
        schema: {
          summary: "Download a unit-year's targets as exchange JSON or in the seed's text layout",
          tags: ['targets'],
          params: UnitYearParamsSchema,
          querystring: ExportQuerySchema,
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const file = await exportTargets(db, { unitCode, fiscalYear: year, format: request.query.format });
        attachment(reply, file.contentType, file.fileName, `${unitCode}-${year}.${file.extension}`);
        return file.content;
      },
    );
  };
}
