import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPageSchema, AuditQuerySchema } from '../../contract/accounts.ts';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import { exportAuditCsv } from '../../usecases/export-audit-csv.ts';
import { listAudit } from '../../usecases/list-audit.ts';
import { sendFile } from '../file-reply.ts';

const tags = ['audit'];
const config = { access: { permission: 'audit:read' } } as const;

/** The audit log of a unit-year: a page as JSON for the web view, the whole of it as CSV for Excel. */
export function auditRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units/:unitCode/years/:year/audit',
      {
        config,
        schema: {
          summary: "A unit-year's audit log, newest first, paginated",
          tags,
          params: UnitYearParamsSchema,
          querystring: AuditQuerySchema,
          response: { 200: AuditPageSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return listAudit(db, { unitCode, fiscalYear: year, ...request.query });
      },
    );

    app.get(
      '/api/units/:unitCode/years/:year/audit.csv',
      {
        config,
        schema: {
          summary: "A unit-year's whole audit log as CSV (UTF-8 with BOM, opens in Excel)",
          tags,
          params: UnitYearParamsSchema,
          querystring: z.object({ entity: z.string().max(64).optional() }),
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const csv = await exportAuditCsv(db, { unitCode, fiscalYear: year, entity: request.query.entity });
        const file = {
          content: csv,
          contentType: 'text/csv; charset=utf-8',
          fileName: `${unitCode}-${year}-审计日志.csv`,
        };
        return sendFile(reply, file, `${unitCode}-${year}-audit.csv`);
      },
    );
  };
}
