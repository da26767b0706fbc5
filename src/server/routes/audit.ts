import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPageSchema, AuditQuerySchema } from '../../contract/accounts.ts';
import { AuditLogFilterSchema, AuditLogPageSchema, AuditLogQuerySchema } from '../../contract/audit-log.ts';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import { exportAuditCsv } from '../../usecases/export-audit-csv.ts';
import { exportAuditXlsx } from '../../usecases/export-audit-xlsx.ts';
import { listAudit } from '../../usecases/list-audit.ts';
import { listAuditLog } from '../../usecases/list-audit-log.ts';
import { actorOf } from '../auth/route-guard.ts';
import { sendFile } from '../file-reply.ts';

const tags = ['audit'];
const config = { access: { permission: 'audit:read' } } as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The audit log: the whole of it the reader may see (审计日志, filtered, paginated; Excel), and a
 * unit-year's (a page as JSON for the web view, the whole of it as CSV).
 */
export function auditRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config,
        schema: {
          summary: 'The audit log over the units the reader may see, newest first, filtered, paginated',
          tags,
          querystring: AuditLogQuerySchema,
          response: { 200: AuditLogPageSchema },
        },
      },
      async (request) => listAuditLog(db, actorOf(request), request.query),
    );

    app.get(
      '/api/audit.xlsx',
      {
        config,
        schema: {
          summary: 'The filtered audit log as an Excel workbook in plain words (capped; a wider filter is refused)',
          tags,
          querystring: AuditLogFilterSchema,
        },
      },
      async (request, reply) => {
        const content = await exportAuditXlsx(db, actorOf(request), request.query);
        return sendFile(reply, { content, contentType: XLSX, fileName: '审计日志.xlsx' }, 'audit-log.xlsx');
      },
    );

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
