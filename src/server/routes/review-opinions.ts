import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  BatchTransitionBodySchema,
  BatchTransitionResultSchema,
  ReviewOpinionBodySchema,
  ReviewOpinionSchema,
  ReviewOpinionsViewSchema,
} from '../../contract/review-opinions.ts';
import type { Db } from '../../db/database.ts';
import { getReviewOpinions } from '../../usecases/get-review-opinions.ts';
import { recordReviewOpinion } from '../../usecases/record-review-opinion.ts';
import { transitionTargetsBatch } from '../../usecases/transition-targets-batch.ts';
import { actorOf } from '../auth/route-guard.ts';

const tags = ['workflow'];
const base = '/api/units/:unitCode/years/:year/review-opinions';

/**
 * The reviewers' 绩效目标审核意见表 (decision 033) and batch review/approval. What a form allows is
 * enforced in transitionTargets, so the single routes, the batch and any future caller obey alike.
 */
export function reviewOpinionRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: "This round's review forms per item and level, what blocks the pending step, and every form kept",
          tags,
          params: UnitYearParamsSchema,
          response: { 200: ReviewOpinionsViewSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return getReviewOpinions(db, { unitCode, fiscalYear: year, actor: actorOf(request) });
      },
    );

    app.put(
      base,
      {
        config: { access: { permission: 'targets:review' } },
        schema: {
          summary: 'Record a review form for one item at the level the document waits for (a new row each time)',
          tags,
          params: UnitYearParamsSchema,
          body: ReviewOpinionBodySchema,
          response: { 200: ReviewOpinionSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return recordReviewOpinion(db, actorOf(request), { unitCode, fiscalYear: year, body: request.body });
      },
    );

    app.post(
      '/api/workflow/batch',
      {
        config: { access: { permission: 'targets:review' } },
        schema: {
          summary: 'Review or approve many unit-years, each in its own transaction; refusals reported per item',
          tags,
          body: BatchTransitionBodySchema,
          response: { 200: BatchTransitionResultSchema },
        },
      },
      async (request) => transitionTargetsBatch(db, actorOf(request), request.body),
    );
  };
}
