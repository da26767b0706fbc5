import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import { REPORT_FORMATS, type ReportKind, exportReport } from '../../usecases/export-reports.ts';
import { attachment } from './documents.ts';

const ParamsSchema = UnitYearParamsSchema.extend({ format: z.enum(REPORT_FORMATS) });
const MonitoringQuerySchema = z.object({ asOfMonth: z.coerce.number().int().min(1).max(12).optional() });
const base = '/api/units/:unitCode/years/:year';

/** The 自评表 and the 监控表 in their official layouts as Word, Excel or PDF downloads. */
export function reportRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    const download = async (
      reply: FastifyReply,
      kind: ReportKind,
      params: z.infer<typeof ParamsSchema>,
      asOfMonth?: number,
    ) => {
      const { unitCode, year, format } = params;
      const file = await exportReport(db, { unitCode, fiscalYear: year, kind, format, asOfMonth });
      return attachment(reply, file.contentType, file.fileName, `${unitCode}-${year}-${kind}.${file.extension}`).send(
        file.content,
      );
    };

    app.get(
      `${base}/evaluation.:format`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: 'The 项目支出绩效自评表 of every project as Word, Excel or PDF',
          tags: ['evaluation'],
          params: ParamsSchema,
        },
      },
      async (request, reply) => download(reply, 'evaluation', request.params),
    );

    app.get(
      `${base}/monitoring.:format`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: 'The 绩效运行监控表 of every project as of a month-end (default as on screen) as Word, Excel or PDF',
          tags: ['monitoring'],
          params: ParamsSchema,
          querystring: MonitoringQuerySchema,
        },
      },
      async (request, reply) => download(reply, 'monitoring', request.params, request.query.asOfMonth),
    );
  };
}
