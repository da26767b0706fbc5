import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  BureauRankingSchema,
  RankingQuerySchema,
  EvaluationHistorySchema,
  EvaluationSchema,
  SaveEvaluationBodySchema,
  StoredUnitScoreSchema,
} from '../../contract/evaluation.ts';
import { evaluationProcedureRoutes } from './evaluation-procedure.ts';
import type { Db } from '../../db/database.ts';
import { getBureauRanking } from '../../usecases/get-bureau-ranking.ts';
import { getEvaluation } from '../../usecases/get-evaluation.ts';
import { getEvaluationHistory } from '../../usecases/get-evaluation-history.ts';
import { saveEvaluation } from '../../usecases/save-evaluation.ts';
import { scoreStoredUnitYear } from '../../usecases/score-unit-year.ts';
import { IfMatchHeadersSchema, etagOf, expectedVersionFrom } from '../versioning.ts';
import { actorOf } from '../auth/route-guard.ts';

const tags = ['evaluation'];
const base = '/api/units/:unitCode/years/:year';

/** 单位自评: the 自评表, its score, the bureau's ranking and last year's results (结果应用). */
export function evaluationRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/evaluation`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'The 自评表: targets, year-end money, actuals, scores and missing analyses',
          tags,
          params: UnitYearParamsSchema,
          response: { 200: EvaluationSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const evaluation = await getEvaluation(db, { unitCode, fiscalYear: year });
        reply.header('ETag', etagOf(evaluation.version));
        return evaluation;
      },
    );

    app.put(
      `${base}/evaluation`,
      {
        config: { access: { permission: 'evaluation:edit' } },
        schema: {
          summary:
            'Replace the 自评表 (whole) while it is a draft (submitted or later → 423 LOCKED); If-Match must carry the version read ("0": none yet; stale → 409 with who and when); submit: true submits it to the department and is refused while data, a band choice or a deviation analysis is missing',
          tags,
          params: UnitYearParamsSchema,
          headers: IfMatchHeadersSchema,
          body: SaveEvaluationBodySchema,
          response: { 200: EvaluationSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], '自评表');
        const saved = await saveEvaluation(db, actorOf(request), {
          ...request.body,
          unitCode,
          fiscalYear: year,
          expectedVersion,
        });
        reply.header('ETag', etagOf(saved.version));
        return saved;
      },
    );

    app.get(
      `${base}/score`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: "The unit-year's self-evaluation scores (guide §6)",
          tags,
          params: UnitYearParamsSchema,
          response: { 200: StoredUnitScoreSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return scoreStoredUnitYear(db, { unitCode, fiscalYear: year });
      },
    );

    app.get(
      `${base}/history`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: "Last year's actuals and grades beside this year's projects (历史标准, 结果应用)",
          tags,
          params: UnitYearParamsSchema,
          response: { 200: EvaluationHistorySchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return getEvaluationHistory(db, { unitCode, fiscalYear: year });
      },
    );

    app.get(
      '/api/bureau/years/:year/ranking',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary:
            'Visible units ranked by self-evaluation score and by budget execution, one page; grade distribution and warning totals',
          tags,
          params: z.object({ year: UnitYearParamsSchema.shape.year }),
          querystring: RankingQuerySchema,
          response: { 200: BureauRankingSchema },
        },
      },
      async (request) => getBureauRanking(db, actorOf(request), { ...request.query, fiscalYear: request.params.year }),
    );

    await app.register(evaluationProcedureRoutes(db));
  };
}
