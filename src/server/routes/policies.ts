import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgCodeSchema } from '../../contract/codes.ts';
import { POLICY_KINDS, PolicyViewSchema } from '../../contract/policies.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { getOrganisationPolicy } from '../../usecases/get-policy.ts';
import { putOrganisationPolicy } from '../../usecases/put-policy.ts';
import { actorOf } from '../auth/route-guard.ts';
import { IfMatchHeadersSchema, expectedVersionFrom } from '../versioning.ts';

const KindParamsSchema = z.object({ kind: z.enum(POLICY_KINDS) });
const QuerySchema = z.object({ orgCode: OrgCodeSchema.optional() });

/**
 * The organisation whose policy a request reads or writes: the actor's own; the administrator
 * (who belongs to none) names one with ?orgCode=. Nobody else reaches another organisation's policy.
 */
function policyOrg(actor: Actor, requested: string | undefined): string {
  if (actor.role === 'admin') {
    if (!requested)
      throw new AppError('VALIDATION', '管理员须用 ?orgCode= 指定机构', { location: { field: 'orgCode' } });
    return requested;
  }
  if (requested && requested !== actor.orgCode)
    throw new AppError('FORBIDDEN', `无权查看或修改机构“${requested}”的规则设置`);
  return actor.orgCode;
}

/** Every policy kind (审核 review, 运行监控 monitoring, 绩效评分 scoring) through one pair of routes. */
export function policyRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/bureau/policies/:kind',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary: "The organisation's policy of one kind: as stored, effective (over the defaults), and the defaults",
          tags: ['policies'],
          params: KindParamsSchema,
          querystring: QuerySchema,
          response: { 200: PolicyViewSchema },
        },
      },
      async (request) =>
        getOrganisationPolicy(db, {
          kind: request.params.kind,
          orgCode: policyOrg(actorOf(request), request.query.orgCode),
        }),
    );

    app.put(
      '/api/bureau/policies/:kind',
      {
        config: { access: { permission: 'policies:manage' } },
        schema: {
          summary:
            'Set a policy (any subset of the knobs; the rest keep their defaults; unknown keys refused). With If-Match (the version read), a policy written meanwhile answers 409',
          tags: ['policies'],
          params: KindParamsSchema,
          querystring: QuerySchema,
          headers: IfMatchHeadersSchema,
          body: z.record(z.string(), z.unknown()),
          response: { 200: PolicyViewSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return putOrganisationPolicy(db, actor, {
          kind: request.params.kind,
          orgCode: policyOrg(actor, request.query.orgCode),
          policy: request.body,
          // Optional here (the CLI and older clients replace the policy outright); the web form always sends it.
          expectedVersion: request.headers['if-match'] ? expectedVersionFrom(request.headers['if-match']) : undefined,
        });
      },
    );
  };
}
