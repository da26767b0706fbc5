import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NewOrgBodySchema,
  OrgCodeParamsSchema,
  OrgNodeSchema,
  OrgPatchBodySchema,
  OrgTreeQuerySchema,
  OrgTreeSchema,
} from '../../contract/organisations.ts';
import type { Db } from '../../db/database.ts';
import { createOrganisation } from '../../usecases/create-organisation.ts';
import { listOrganisations } from '../../usecases/list-organisations.ts';
import { updateOrganisation } from '../../usecases/update-organisation.ts';
import { actorOf } from '../auth/route-guard.ts';
import { etagOf, expectedVersionFrom } from '../versioning.ts';

const tags = ['organisations'];
const access = { access: { permission: 'organisations:manage' } } as const;
const IfMatchHeaders = z.object({ 'if-match': z.string().optional() });

/**
 * The organisation tree 财政局 → 主管部门 → 预算单位 (decision 020): administrators everywhere, a
 * bureau user below its own bureau (the use-cases narrow it; the guard checks the permission).
 */
export function organisationRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisations',
      {
        config: access,
        schema: {
          summary:
            'The organisation tree the user manages, as a flat list linked by parentCode (?active=true: only active nodes, for pickers)',
          tags,
          querystring: OrgTreeQuerySchema,
          response: { 200: OrgTreeSchema },
        },
      },
      async (request) =>
        listOrganisations(db, actorOf(request), {
          active: request.query.active === undefined ? undefined : (String(request.query.active) as 'true' | 'false'),
        }),
    );

    app.post(
      '/api/organisations',
      {
        config: access,
        schema: {
          summary: 'Add a bureau, a department or a unit',
          tags,
          body: NewOrgBodySchema,
          response: { 201: OrgNodeSchema },
        },
      },
      async (request, reply) => {
        const created = await createOrganisation(db, actorOf(request), request.body);
        reply.code(201).header('ETag', etagOf(created.version));
        return created;
      },
    );

    app.patch(
      '/api/organisations/:code',
      {
        config: access,
        schema: {
          summary:
            'Rename, move (parentCode) or deactivate/reactivate (active) a node; If-Match must carry the version read (stale → 409)',
          tags,
          params: OrgCodeParamsSchema,
          headers: IfMatchHeaders,
          body: OrgPatchBodySchema,
          response: { 200: OrgNodeSchema },
        },
      },
      async (request, reply) => {
        const expectedVersion = expectedVersionFrom(request.headers['if-match']);
        const updated = await updateOrganisation(db, actorOf(request), {
          code: request.params.code,
          expectedVersion,
          patch: request.body,
        });
        reply.header('ETag', etagOf(updated.version));
        return updated;
      },
    );
  };
}
