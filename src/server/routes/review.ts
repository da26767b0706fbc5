import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import { StoredReviewPolicySchema, UnitReviewResponseSchema } from '../../contract/review.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { getReviewPolicy } from '../../usecases/get-review-policy.ts';
import { putReviewPolicy } from '../../usecases/put-review-policy.ts';
import { reviewStoredTargets } from '../../usecases/review-stored-targets.ts';
import { actorOf } from '../auth/route-guard.ts';

const PolicyQuerySchema = z.object({ orgCode: z.string().min(1).optional() });

/**
 * The organisation whose policy a request reads or writes: the actor's own; the administrator
 * (who belongs to none) names one with ?orgCode=. A bureau cannot touch another bureau's policy.
 */
function policyOrg(actor: Actor, requested: string | undefined): string {
  if (actor.role === 'admin') {
    if (!requested)
      throw new AppError('VALIDATION', '管理员须用 ?orgCode= 指定机构', { location: { field: 'orgCode' } });
    return requested;
  }
  if (requested && requested !== actor.orgCode)
    throw new AppError('FORBIDDEN', `无权查看或修改机构“${requested}”的审核规则`);
  return actor.orgCode;
}

export function reviewRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units/:unitCode/years/:year/review',
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'Automated review (绩效目标审核): grade, findings, and the quantities found in the narrative goals',
          tags: ['review'],
          params: UnitYearParamsSchema,
          response: { 200: UnitReviewResponseSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return reviewStoredTargets(db, { unitCode, fiscalYear: year });
      },
    );

    app.get(
      '/api/bureau/review-policy',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary: "The organisation's review policy: as stored and with defaults",
          tags: ['review'],
          querystring: PolicyQuerySchema,
          response: { 200: StoredReviewPolicySchema },
        },
      },
      async (request) => getReviewPolicy(db, { orgCode: policyOrg(actorOf(request), request.query.orgCode) }),
    );

    app.put(
      '/api/bureau/review-policy',
      {
        config: { access: { permission: 'policies:manage' } },
        schema: {
          summary: 'Set the review policy (any subset of the knobs; the rest keep their defaults)',
          tags: ['review'],
          querystring: PolicyQuerySchema,
          body: z.record(z.string(), z.unknown()),
          response: { 200: StoredReviewPolicySchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return putReviewPolicy(db, actor, { orgCode: policyOrg(actor, request.query.orgCode), policy: request.body });
      },
    );
  };
}
