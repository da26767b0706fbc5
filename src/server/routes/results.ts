import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  DecideNoticeBodySchema,
  IssueNoticeBodySchema,
  NoticeSchema,
  ReplyNoticeBodySchema,
  ResultPageSchema,
  ResultQuerySchema,
  UnitResultSchema,
} from '../../contract/results.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../domain/errors.ts';
import { decideRectification } from '../../usecases/decide-rectification.ts';
import { downloadRectificationEvidence } from '../../usecases/download-rectification-evidence.ts';
import { getResults } from '../../usecases/get-results.ts';
import { getUnitResults } from '../../usecases/get-unit-results.ts';
import { issueRectification } from '../../usecases/issue-rectification.ts';
import { replyRectification } from '../../usecases/reply-rectification.ts';
import { uploadRectificationEvidence } from '../../usecases/upload-rectification-evidence.ts';
import { actorOf } from '../auth/route-guard.ts';
import { sendFile } from '../file-reply.ts';
import { EVIDENCE_BODY_LIMIT, EVIDENCE_TYPES } from './evaluation-procedure.ts';

const tags = ['results'];
const base = '/api/units/:unitCode/years/:year/results';
const NoticeParamsSchema = UnitYearParamsSchema.extend({ id: z.coerce.number().int().positive() });

/**
 * 结果应用 (issue 18 item 4, decision 048): the bureau's results list, a unit-year's results with its 整改通知,
 * issuing, replying (with evidence), reopening and closing a notice.
 */
export function resultRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(EVIDENCE_TYPES, { parseAs: 'buffer', bodyLimit: EVIDENCE_BODY_LIMIT }, (_r, body, done) =>
      done(null, body),
    );

    app.get(
      '/api/results',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary: 'Results per unit-year: 自评 grades and 整改通知 counts (filters: year, grade, status, overdue)',
          tags,
          querystring: ResultQuerySchema,
          response: { 200: ResultPageSchema },
        },
      },
      async (request) => getResults(db, actorOf(request), request.query),
    );

    app.get(
      base,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: "A unit-year's results: project grades, the problems found, the 整改通知 with replies",
          tags,
          params: UnitYearParamsSchema,
          response: { 200: UnitResultSchema },
        },
      },
      async (request) => getUnitResults(db, { unitCode: request.params.unitCode, fiscalYear: request.params.year }),
    );

    app.post(
      `${base}/notices`,
      {
        config: { access: { permission: 'results:act' } },
        schema: {
          summary: 'Issue a 整改通知 (problem, requirement, deadline not before today; optionally one project)',
          tags,
          params: UnitYearParamsSchema,
          body: IssueNoticeBodySchema,
          response: { 200: NoticeSchema },
        },
      },
      async (request) =>
        issueRectification(db, actorOf(request), {
          ...request.body,
          unitCode: request.params.unitCode,
          fiscalYear: request.params.year,
        }),
    );

    app.post(
      `${base}/notices/:id/reply`,
      {
        config: { access: { permission: 'results:reply' } },
        schema: {
          summary: "The unit's reply: 整改中 or 已整改 with what it did",
          tags,
          params: NoticeParamsSchema,
          body: ReplyNoticeBodySchema,
          response: { 200: NoticeSchema },
        },
      },
      async (request) => {
        const { unitCode, year, id } = request.params;
        return replyRectification(db, actorOf(request), { ...request.body, unitCode, fiscalYear: year, id });
      },
    );

    app.post(
      `${base}/notices/:id/decision`,
      {
        config: { access: { permission: 'results:act' } },
        schema: {
          summary: 'The issuer closes (销号) a 已整改 notice or reopens it with a reason',
          tags,
          params: NoticeParamsSchema,
          body: DecideNoticeBodySchema,
          response: { 200: NoticeSchema },
        },
      },
      async (request) => {
        const { unitCode, year, id } = request.params;
        return decideRectification(db, actorOf(request), { ...request.body, unitCode, fiscalYear: year, id });
      },
    );

    app.post(
      `${base}/notices/:id/evidence`,
      {
        bodyLimit: EVIDENCE_BODY_LIMIT,
        config: { access: { permission: 'results:reply' } },
        schema: {
          summary:
            'Upload one evidence file of the reply (PDF, PNG/JPEG, Word/Excel; ≤ 10 MB) as the body, name in ?fileName=',
          tags,
          params: NoticeParamsSchema,
          querystring: z.object({ fileName: z.string().trim().min(1).max(255) }),
          response: { 200: NoticeSchema },
        },
      },
      async (request) => {
        const { unitCode, year, id } = request.params;
        return uploadRectificationEvidence(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          id,
          fileName: request.query.fileName,
          content: uploaded(request.body),
        });
      },
    );

    app.get(
      `${base}/notices/:id/evidence/:fileId`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'Download one evidence file of a 整改通知',
          tags,
          params: NoticeParamsSchema.extend({ fileId: z.coerce.number().int().positive() }),
        },
      },
      async (request, reply) => {
        const { unitCode, year, id, fileId } = request.params;
        const file = await downloadRectificationEvidence(db, { unitCode, fiscalYear: year, id, fileId });
        return sendFile(reply, file, `${unitCode}-${year}-rectification-${id}-${fileId}`);
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
