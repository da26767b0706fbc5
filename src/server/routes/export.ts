import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  BINARY_FORMATS,
  BULK_FORMATS,
  DOCUMENT_FORMATS,
  EXPORT_FORMATS,
  type ExportFormat,
  REPORT_FORMATS,
  type ReportKind,
} from '../../contract/documents.ts';
import { JOB_HEADER } from '../../contract/jobs.ts';
import type { Db } from '../../db/database.ts';
import { exportBulk } from '../../usecases/export-bulk.ts';
import { downloadEvidence } from '../../usecases/download-evidence.ts';
import { exportEvaluationPackage } from '../../usecases/export-evaluation-package.ts';
import { exportReport } from '../../usecases/export-reports.ts';
import { exportMonitoringStatement } from '../../usecases/export-monitoring-statement.ts';
import { exportReviewOpinions } from '../../usecases/export-review-opinions.ts';
import { OpinionExportQuerySchema } from '../../contract/review-opinions.ts';
import { PRINTABLE_LAYOUT_IDS, exportTargets } from '../../usecases/export-targets.ts';
import { exportTemplate } from '../../usecases/export-template.ts';
import { actorOf } from '../auth/route-guard.ts';
import { attachment, sendFile } from '../file-reply.ts';

const base = '/api/units/:unitCode/years/:year';

/** ?layout=<id>: a province's form from the layout registry (Word, Excel) instead of Jixiao's own. */
const LayoutQuerySchema = z.object({
  layout: z
    .enum(PRINTABLE_LAYOUT_IDS as [string, ...string[]], {
      error: `未知的表样：可用 ${PRINTABLE_LAYOUT_IDS.join('、')}`,
    })
    .optional()
    .describe('A province’s form (docx, xlsx only); default the Jixiao form'),
});
const ExportQuerySchema = LayoutQuerySchema.extend({ format: z.enum(EXPORT_FORMATS).default('json') });
const DocumentParamsSchema = UnitYearParamsSchema.extend({ format: z.enum(DOCUMENT_FORMATS) });
const ReportParamsSchema = UnitYearParamsSchema.extend({ format: z.enum(REPORT_FORMATS) });
const OpinionExportParamsSchema = UnitYearParamsSchema.extend({ format: z.enum(['docx', 'pdf']) });
const MonitoringPrintParamsSchema = UnitYearParamsSchema.extend({ format: z.enum(['docx', 'pdf']) });
const MonitoringQuerySchema = z.object({ asOfMonth: z.coerce.number().int().min(1).max(12).optional() });
const BulkParamsSchema = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
const BulkQuerySchema = z.object({ format: z.enum(BULK_FORMATS).default('docx') });

/**
 * Every download of targets and reports, one family: a unit-year's targets (exchange JSON, text,
 * Word, PDF, Excel), the blank Excel template, the 自评表 and 监控表, and every unit of a year as one
 * streamed .zip. The Office and PDF formats are written in a render thread (the use-cases call the
 * render pool) under the heavy-work limit; every file is named by `sendFile`/`attachment`.
 */
export function exportRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/export`,
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
        const { format, layout } = request.query;
        const file = await exportTargets(db, { unitCode, fiscalYear: year, format, layout });
        return sendFile(reply, file, `${unitCode}-${year}.${file.extension}`);
      },
    );

    app.get(
      `${base}/export.:format`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: "A unit-year's targets in the official layout as Word, PDF or Excel",
          tags: ['documents'],
          params: DocumentParamsSchema,
          querystring: LayoutQuerySchema,
        },
      },
      async (request, reply) => {
        const { unitCode, year, format } = request.params;
        const file = await exportTargets(db, { unitCode, fiscalYear: year, format, layout: request.query.layout });
        return sendFile(reply, file, `${unitCode}-${year}.${file.extension}`);
      },
    );

    app.get(
      '/api/template.xlsx',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'The blank Excel template for bulk entry (drop-downs, instructions)', tags: ['documents'] },
      },
      async (_request, reply) => sendFile(reply, await exportTemplate(), 'jixiao-template.xlsx'),
    );

    const report = async (
      reply: FastifyReply,
      kind: ReportKind,
      params: z.infer<typeof ReportParamsSchema>,
      asOfMonth?: number,
    ) => {
      const { unitCode, year, format } = params;
      const file = await exportReport(db, { unitCode, fiscalYear: year, kind, format, asOfMonth });
      return sendFile(reply, file, `${unitCode}-${year}-${kind}.${file.extension}`);
    };

    app.get(
      `${base}/evaluation.:format`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: 'The 项目支出绩效自评表 of every project as Word, Excel or PDF',
          tags: ['evaluation'],
          params: ReportParamsSchema,
        },
      },
      async (request, reply) => report(reply, 'evaluation', request.params),
    );

    app.get(
      `${base}/evaluation/evidence/:id`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'Download one 证明材料 of the 自评表 (decision 035)',
          tags: ['evaluation'],
          params: UnitYearParamsSchema.extend({ id: z.coerce.number().int().positive() }),
        },
      },
      async (request, reply) => {
        const { unitCode, year, id } = request.params;
        const file = await downloadEvidence(db, { unitCode, fiscalYear: year, id });
        return sendFile(reply, file, `${unitCode}-${year}-evidence-${id}`);
      },
    );

    app.get(
      `${base}/evaluation/package.zip`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: 'The 自评 package: the 自评表 (Word) and every 证明材料, by project, as one .zip',
          tags: ['evaluation'],
          params: UnitYearParamsSchema,
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const file = await exportEvaluationPackage(db, { unitCode, fiscalYear: year });
        return sendFile(reply, { ...file, contentType: 'application/zip' }, `${unitCode}-${year}-evaluation.zip`);
      },
    );

    app.get(
      `${base}/monitoring.:format`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: 'The 绩效运行监控表 of every project as of a month-end (default as on screen) as Word, Excel or PDF',
          tags: ['monitoring'],
          params: ReportParamsSchema,
          querystring: MonitoringQuerySchema,
        },
      },
      async (request, reply) => report(reply, 'monitoring', request.params, request.query.asOfMonth),
    );

    for (const document of ['statement', 'report'] as const) {
      app.get(
        `${base}/monitoring-${document}.:format`,
        {
          config: { access: { permission: 'targets:read' }, heavy: true },
          schema: {
            summary: `The ${document === 'statement' ? '绩效监控情况表' : '监控报告'} at a checkpoint (财预〔2019〕136号) as Word or PDF; a submitted checkpoint prints its snapshot`,
            tags: ['monitoring'],
            params: MonitoringPrintParamsSchema,
            querystring: z.object({ month: z.coerce.number().int().min(1).max(12).optional() }),
          },
        },
        async (request, reply) => {
          const { unitCode, year, format } = request.params;
          const file = await exportMonitoringStatement(db, {
            unitCode,
            fiscalYear: year,
            document,
            format,
            month: request.query.month,
          });
          return sendFile(reply, file, `${unitCode}-${year}-monitoring-${document}.${file.extension}`);
        },
      );
    }

    app.get(
      `${base}/export/review-opinions.:format`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary:
            "The reviewers' 绩效目标审核意见表 of this round as Word or PDF (?level=department|bureau; default both)",
          tags: ['workflow'],
          params: OpinionExportParamsSchema,
          querystring: OpinionExportQuerySchema,
        },
      },
      async (request, reply) => {
        const { unitCode, year, format } = request.params;
        const file = await exportReviewOpinions(db, { unitCode, fiscalYear: year, format, level: request.query.level });
        return sendFile(reply, file, `${unitCode}-${year}-review-opinions.${file.extension}`);
      },
    );

    app.get(
      '/api/bureau/years/:year/export.zip',
      {
        // Heavy for as long as the zip streams: the slot is released when the response closes.
        config: { access: { permission: 'overview:read' }, heavy: true },
        schema: {
          summary:
            'Every unit of a year the user may see, one document each, as a streamed .zip (X-Jixiao-Units: entry count; X-Jixiao-Job: the job to poll)',
          tags: ['documents'],
          params: BulkParamsSchema,
          querystring: BulkQuerySchema,
        },
      },
      async (request, reply) => {
        const { year } = request.params;
        const bulk = await exportBulk(db, { fiscalYear: year, format: request.query.format, actor: actorOf(request) });
        bulk.done.catch((error: unknown) => request.log.error({ err: error }, 'bulk export failed'));
        attachment(reply, 'application/zip', `${year}年绩效目标（${bulk.total}个单位）.zip`, `jixiao-${year}.zip`)
          .header('X-Jixiao-Units', String(bulk.total))
          // Progress (units written) is polled at GET /api/jobs/:id, from whichever server answers.
          .header(JOB_HEADER, bulk.jobId)
          .header('Access-Control-Expose-Headers', `X-Jixiao-Units, ${JOB_HEADER}`);
        return reply.send(bulk.stream);
      },
    );
  };
}
