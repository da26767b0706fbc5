import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  AttachmentListSchema,
  EvaluationSchema,
  FinaliseBatchResultSchema,
  ReasonBodySchema,
  RescoreBodySchema,
  ReviewEvaluationBodySchema,
  SampleResultSchema,
  SelectSampleBodySchema,
} from '../../contract/evaluation.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../domain/errors.ts';
import { MAX_EVIDENCE_BYTES } from '../../domain/evaluation/evidence.ts';
import { deleteEvidence } from '../../usecases/delete-evidence.ts';
import { finaliseEvaluation } from '../../usecases/finalise-evaluation.ts';
import { finaliseUnselected } from '../../usecases/finalise-unselected-evaluations.ts';
import { reopenEvaluation } from '../../usecases/reopen-evaluation.ts';
import { rescoreEvaluation } from '../../usecases/rescore-evaluation.ts';
import { reviewEvaluation } from '../../usecases/review-evaluation.ts';
import { selectRecheckSample } from '../../usecases/select-recheck-sample.ts';
import { uploadEvidence } from '../../usecases/upload-evidence.ts';
import { actorOf } from '../auth/route-guard.ts';

const tags = ['evaluation'];
const base = '/api/units/:unitCode/years/:year/evaluation';
/** Evidence arrives as the file's bytes; the type is decided from the bytes, so any of these labels is accepted. */
export const EVIDENCE_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
/** Twice the limit reaches the use-case, which refuses an oversized file with a message naming the limit. */
export const EVIDENCE_BODY_LIMIT = 2 * MAX_EVIDENCE_BYTES;
const ProjectParamsSchema = UnitYearParamsSchema.extend({ projectCode: z.string().trim().min(1).max(100) });
const AttachmentParamsSchema = UnitYearParamsSchema.extend({ id: z.coerce.number().int().positive() });
const YearParamsSchema = z.object({ year: UnitYearParamsSchema.shape.year });

/**
 * The 自评 procedure after the unit's submission (decision 035): the department's review, the bureau's
 * 复核 sample, re-score, finalisation (one or the unselected in a batch) and reopen; the 证明材料 uploads.
 */
export function evaluationProcedureRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(EVIDENCE_TYPES, { parseAs: 'buffer', bodyLimit: EVIDENCE_BODY_LIMIT }, (_r, body, done) =>
      done(null, body),
    );

    app.post(
      `${base}/review`,
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: 'The department approves a submitted 自评表 or returns it to the unit with a comment',
          tags,
          params: UnitYearParamsSchema,
          body: ReviewEvaluationBodySchema,
          response: { 200: EvaluationSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return reviewEvaluation(db, actorOf(request), { ...request.body, unitCode, fiscalYear: year });
      },
    );

    app.post(
      `${base}/rescore`,
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: "The bureau's 复核 re-score of a selected 自评表: per indicator new inputs and a reason",
          tags,
          params: UnitYearParamsSchema,
          body: RescoreBodySchema,
          response: { 200: EvaluationSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return rescoreEvaluation(db, actorOf(request), { ...request.body, unitCode, fiscalYear: year });
      },
    );

    app.post(
      `${base}/finalise`,
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: 'The bureau finalises a department-reviewed 自评表',
          tags,
          params: UnitYearParamsSchema,
          response: { 200: EvaluationSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return finaliseEvaluation(db, actorOf(request), { unitCode, fiscalYear: year });
      },
    );

    app.post(
      `${base}/reopen`,
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: 'The bureau reopens a 自评表 with a reason: it returns to the unit as a draft',
          tags,
          params: UnitYearParamsSchema,
          body: ReasonBodySchema,
          response: { 200: EvaluationSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return reopenEvaluation(db, actorOf(request), { ...request.body, unitCode, fiscalYear: year });
      },
    );

    app.post(
      '/api/bureau/years/:year/evaluation/sample',
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: 'Select department-reviewed 自评表 for 复核: a seeded random share or by rule; the draw is recorded',
          tags,
          params: YearParamsSchema,
          body: SelectSampleBodySchema,
          response: { 200: SampleResultSchema },
        },
      },
      async (request) =>
        selectRecheckSample(db, actorOf(request), { ...request.body, fiscalYear: request.params.year }),
    );

    app.post(
      '/api/bureau/years/:year/evaluation/finalise',
      {
        config: { access: { permission: 'evaluation:review' } },
        schema: {
          summary: 'Finalise every department-reviewed 自评表 of the year not selected for 复核',
          tags,
          params: YearParamsSchema,
          response: { 200: FinaliseBatchResultSchema },
        },
      },
      async (request) => finaliseUnselected(db, actorOf(request), { fiscalYear: request.params.year }),
    );

    app.post(
      `${base}/projects/:projectCode/evidence`,
      {
        bodyLimit: EVIDENCE_BODY_LIMIT,
        config: { access: { permission: 'evaluation:edit' } },
        schema: {
          summary:
            'Upload one 证明材料 (PDF, PNG/JPEG, Word/Excel; ≤ 10 MB; type checked by content) as the body, name in ?fileName=',
          tags,
          params: ProjectParamsSchema,
          querystring: z.object({ fileName: z.string().trim().min(1).max(255) }),
          response: { 200: AttachmentListSchema.element },
        },
      },
      async (request) => {
        const { unitCode, year, projectCode } = request.params;
        return uploadEvidence(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          projectCode,
          fileName: request.query.fileName,
          content: uploaded(request.body),
        });
      },
    );

    app.delete(
      `${base}/evidence/:id`,
      {
        config: { access: { permission: 'evaluation:edit' } },
        schema: {
          summary: 'Delete one 证明材料 while the 自评表 is a draft',
          tags,
          params: AttachmentParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { unitCode, year, id } = request.params;
        await deleteEvidence(db, actorOf(request), { unitCode, fiscalYear: year, id });
        return reply.code(204).send(null);
      },
    );
  };
}

function uploaded(body: unknown): Uint8Array {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError(
      'BAD_INPUT',
      '请上传文件：请求体应为文件内容（Content-Type: application/octet-stream，文件名放在 ?fileName=）',
    );
  }
  return body;
}
