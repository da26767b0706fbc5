import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  DepartmentEvaluationSchema,
  DepartmentReviewBodySchema,
  OverallIndicatorsBodySchema,
  OverallIndicatorsSchema,
  SaveDepartmentEvaluationBodySchema,
} from '../../contract/department-evaluation.ts';
import { ReasonBodySchema } from '../../contract/evaluation.ts';
import type { Db } from '../../db/database.ts';
import { exportDepartmentEvaluation } from '../../usecases/export-department-evaluation.ts';
import { getDepartmentEvaluation } from '../../usecases/get-department-evaluation.ts';
import { saveDepartmentEvaluation } from '../../usecases/save-department-evaluation.ts';
import { saveOverallIndicators } from '../../usecases/save-overall-indicators.ts';
import { stepDepartmentEvaluation } from '../../usecases/step-department-evaluation.ts';
import { actorOf } from '../auth/route-guard.ts';
import { sendFile } from '../file-reply.ts';
import { IfMatchHeadersSchema, etagOf, expectedVersionFrom } from '../versioning.ts';

const tags = ['department-evaluation'];
const base = '/api/units/:unitCode/years/:year/department-evaluation';
const RescoreBodySchema = z.object({ form: z.unknown(), reason: z.string() });

/**
 * 部门整体绩效 (decision 045): the overall indicators' edit (through the targets document, locked with it) and
 * the 部门整体支出绩效自评表 — read, save/submit, the department's review, the bureau's 复核, final, reopen, export.
 */
export function departmentEvaluationRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/units/:unitCode/years/:year/overall-indicators',
      {
        config: { access: { permission: 'targets:edit' } },
        schema: {
          summary:
            'Replace the department-level indicators and 年度预算 of the overall targets (If-Match: the document version; locked targets → 423)',
          tags,
          params: UnitYearParamsSchema,
          headers: IfMatchHeadersSchema,
          body: OverallIndicatorsBodySchema,
          response: { 200: OverallIndicatorsSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], '绩效目标');
        const saved = await saveOverallIndicators(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          expectedVersion,
          ...request.body,
        });
        reply.header('ETag', etagOf(saved.version));
        return saved;
      },
    );

    app.get(
      base,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'The 部门整体支出绩效自评表 with its scores (a pre-filled draft, version 0, when none is stored)',
          tags,
          params: UnitYearParamsSchema,
          response: { 200: DepartmentEvaluationSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const view = (await getDepartmentEvaluation(db, { unitCode, fiscalYear: year }, { draft: true }))!;
        reply.header('ETag', etagOf(view.version));
        return view;
      },
    );

    app.put(
      base,
      {
        config: { access: { permission: 'evaluation:edit' } },
        schema: {
          summary:
            'Save the 整体自评表 while a draft (If-Match: the version read, "0" for none; stale → 409; submitted → 423); submit: true submits it',
          tags,
          params: UnitYearParamsSchema,
          headers: IfMatchHeadersSchema,
          body: SaveDepartmentEvaluationBodySchema,
          response: { 200: DepartmentEvaluationSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], '部门整体自评表');
        const saved = await saveDepartmentEvaluation(db, actorOf(request), {
          ...request.body,
          unitCode,
          fiscalYear: year,
          expectedVersion,
        });
        reply.header('ETag', etagOf(saved.version));
        return saved;
      },
    );

    app.post(
      `${base}/review`,
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: 'The department approves a submitted 整体自评表 or returns it with a comment',
          tags,
          params: UnitYearParamsSchema,
          body: DepartmentReviewBodySchema,
          response: { 200: DepartmentEvaluationSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        const key = { unitCode, fiscalYear: year };
        const { decision, comment } = request.body;
        return stepDepartmentEvaluation(
          db,
          actorOf(request),
          decision === 'approve' ? { ...key, step: 'approve' } : { ...key, step: 'return', comment: comment ?? '' },
        );
      },
    );

    app.post(
      `${base}/rescore`,
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: "The bureau's 复核: the re-scored form and the reason (the unit's form stays beside it)",
          tags,
          params: UnitYearParamsSchema,
          body: RescoreBodySchema,
          response: { 200: DepartmentEvaluationSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return stepDepartmentEvaluation(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          step: 'rescore',
          rescore: request.body,
        });
      },
    );

    for (const step of ['finalise', 'reopen'] as const) {
      app.post(
        `${base}/${step}`,
        {
          config: { access: { permission: 'evaluation:review' } },
          schema: {
            summary:
              step === 'finalise'
                ? 'The bureau finalises a department-reviewed 整体自评表'
                : 'The bureau reopens a 整体自评表 with a reason: back to the unit as a draft',
            tags,
            params: UnitYearParamsSchema,
            ...(step === 'reopen' ? { body: ReasonBodySchema } : {}),
            response: { 200: DepartmentEvaluationSchema },
          },
        },
        async (request) => {
          const { unitCode, year } = request.params;
          const key = { unitCode, fiscalYear: year };
          const reason = (request.body as { reason?: string } | undefined)?.reason ?? '';
          return stepDepartmentEvaluation(
            db,
            actorOf(request),
            step === 'finalise' ? { ...key, step } : { ...key, step, comment: reason },
          );
        },
      );
    }

    app.get(
      `${base}/export`,
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: 'The 部门整体支出绩效自评表 as Word, Excel or PDF',
          tags,
          params: UnitYearParamsSchema,
          querystring: z.object({ format: z.enum(['docx', 'xlsx', 'pdf']).default('docx') }),
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const { format } = request.query;
        const file = await exportDepartmentEvaluation(db, { unitCode, fiscalYear: year, format });
        return sendFile(reply, file, `${unitCode}-${year}-department-evaluation.${format}`);
      },
    );
  };
}
