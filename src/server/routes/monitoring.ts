import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  BudgetAdjustmentBodySchema,
  BureauMonitoringQuerySchema,
  BureauMonitoringSchema,
  IndicatorProgressSchema,
  PaymentColumnsBodySchema,
  PaymentsPreviewSchema,
  ProgressBodySchema,
  SpendingBodySchema,
  UnitMonitoringSchema,
} from '../../contract/monitoring.ts';
import type { Db } from '../../db/database.ts';
import { MAX_UPLOAD_BYTES } from '../../domain/upload-limit.ts';
import { adjustBudget } from '../../usecases/adjust-budget.ts';
import { getBureauMonitoring } from '../../usecases/get-bureau-monitoring.ts';
import { getUnitMonitoring } from '../../usecases/get-monitoring.ts';
import { importPayments } from '../../usecases/import-payments.ts';
import { previewPayments } from '../../usecases/preview-payments.ts';
import { recordIndicatorProgress } from '../../usecases/record-indicator-progress.ts';
import { recordSpending } from '../../usecases/record-spending.ts';
import { IfMatchHeadersSchema, etagOf, expectedVersionFrom } from '../versioning.ts';
import { actorOf } from '../auth/route-guard.ts';
import { monitoringRoundRoutes } from './monitoring-rounds.ts';

const tags = ['monitoring'];
/** Every write of a project's monitoring names the project's version from GET …/monitoring (projects[].version; decision 023). */
const IF_MATCH =
  'If-Match must carry the project\'s monitoring version read ("0": nothing entered yet; stale → 409 with who and when); the new one comes back as ETag';
const MONITORING = '监控表';
const base = '/api/units/:unitCode/years/:year/monitoring';
const read = { access: { permission: 'targets:read' as const } };
const edit = { access: { permission: 'monitoring:edit' as const } };
const AsOfQuerySchema = z.object({ asOfMonth: z.coerce.number().int().min(0).max(12).optional() });
const ProjectParamsSchema = UnitYearParamsSchema.extend({ projectCode: z.string().min(1) });
/** A payments file of the upload limit (20 MB) as base64 in JSON: above the 1 MB of other JSON bodies. */
const PAYMENTS_BODY_LIMIT = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024;
/** Files travel as base64 in JSON: one request shape for preview and apply, no multipart parser needed. */
const PaymentsBodySchema = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().min(1),
  columns: PaymentColumnsBodySchema,
  hasHeader: z.boolean().optional(),
});
/** The apply sends back the preview's `versions`: a project changed since → 409, nothing written (decision 023). */
const ApplyPaymentsBodySchema = PaymentsBodySchema.extend({
  expectedVersions: z.record(z.string(), z.number().int().nonnegative()),
});

/**
 * 绩效运行监控: the 监控表 and its entry, the computed warnings, payment imports, the bureau view. A warning's
 * follow-up is the actions that name it (monitoring-rounds.ts; decision 036): the old per-warning follow-up route
 * is gone with its table.
 */
export function monitoringRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(monitoringRoundRoutes(db));
    app.get(
      base,
      {
        config: read,
        schema: {
          summary: 'The 监控表: plan vs actual by month, execution rate, indicator progress, warnings',
          tags,
          params: UnitYearParamsSchema,
          querystring: AsOfQuerySchema,
          response: { 200: UnitMonitoringSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return getUnitMonitoring(db, { unitCode, fiscalYear: year, asOfMonth: request.query.asOfMonth });
      },
    );

    app.put(
      `${base}/projects/:projectCode/spending`,
      {
        config: edit,
        schema: {
          summary: `Set a project's spending for months and funding sources (per-month amounts); ${IF_MATCH}`,
          tags,
          params: ProjectParamsSchema,
          headers: IfMatchHeadersSchema,
          body: SpendingBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { unitCode, year, projectCode } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], MONITORING);
        const { version } = await recordSpending(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          projectCode,
          entries: request.body.entries,
          expectedVersion,
        });
        return reply.code(204).header('ETag', etagOf(version)).send(null);
      },
    );

    app.post(
      `${base}/projects/:projectCode/budget-adjustments`,
      {
        config: edit,
        schema: {
          summary: `Record a 调整后预算数 with its reason and date; ${IF_MATCH}`,
          tags,
          params: ProjectParamsSchema,
          headers: IfMatchHeadersSchema,
          body: BudgetAdjustmentBodySchema,
          response: { 201: z.object({ id: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const { unitCode, year, projectCode } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], MONITORING);
        const { id, version } = await adjustBudget(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          projectCode,
          ...request.body,
          expectedVersion,
        });
        return reply.code(201).header('ETag', etagOf(version)).send({ id });
      },
    );

    app.put(
      `${base}/projects/:projectCode/indicator-progress`,
      {
        config: edit,
        schema: {
          summary: `Record an indicator's progress at a checkpoint (有可能/不可能 need reason and measures); ${IF_MATCH}`,
          tags,
          params: ProjectParamsSchema,
          headers: IfMatchHeadersSchema,
          body: ProgressBodySchema,
          response: { 200: IndicatorProgressSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year, projectCode } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], MONITORING);
        const { version, ...progress } = await recordIndicatorProgress(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          projectCode,
          ...request.body,
          expectedVersion,
        });
        reply.header('ETag', etagOf(version));
        return progress;
      },
    );

    app.post(
      `${base}/payments/preview`,
      {
        config: { ...edit, heavy: true }, // an import: under the heavy-work limit (decision 022)
        bodyLimit: PAYMENTS_BODY_LIMIT,
        schema: {
          summary: 'Read a CSV/XLSX of payments with a column mapping; writes nothing',
          tags,
          params: UnitYearParamsSchema,
          body: PaymentsBodySchema,
          response: { 200: PaymentsPreviewSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        const { contentBase64, ...rest } = request.body;
        return previewPayments(db, {
          unitCode,
          fiscalYear: year,
          ...rest,
          content: Buffer.from(contentBase64, 'base64'),
        });
      },
    );

    app.post(
      `${base}/payments`,
      {
        config: { ...edit, heavy: true }, // an import: under the heavy-work limit (decision 022)
        bodyLimit: PAYMENTS_BODY_LIMIT,
        schema: {
          summary:
            "Apply a payments file: all rows or nothing; expectedVersions = the preview's versions (a booked project changed since → 409 with who and when)",
          tags,
          params: UnitYearParamsSchema,
          body: ApplyPaymentsBodySchema,
          response: { 200: PaymentsPreviewSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        const { contentBase64, ...rest } = request.body;
        return importPayments(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          ...rest,
          content: Buffer.from(contentBase64, 'base64'),
        });
      },
    );

    app.get(
      '/api/bureau/years/:year/monitoring',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary:
            'Visible units: execution rate as of the current month-end and warnings by level, one page; warning totals',
          tags,
          params: z.object({ year: UnitYearParamsSchema.shape.year }),
          querystring: BureauMonitoringQuerySchema,
          response: { 200: BureauMonitoringSchema },
        },
      },
      async (request) =>
        getBureauMonitoring(db, {
          ...request.query,
          fiscalYear: request.params.year,
          actor: actorOf(request),
        }),
    );
  };
}
