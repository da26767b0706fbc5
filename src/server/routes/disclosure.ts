import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import { OrgCodeSchema } from '../../contract/codes.ts';
import {
  DisclosureKindSchema,
  DisclosureOverviewSchema,
  DisclosurePolicySchema,
  PublishResultSchema,
  StoredDisclosurePolicySchema,
  UnitDisclosureSchema,
  WithdrawBodySchema,
} from '../../contract/disclosure.ts';
import type { Db } from '../../db/database.ts';
import { getDisclosure } from '../../usecases/get-disclosure.ts';
import { getDisclosurePolicy } from '../../usecases/get-disclosure-policy.ts';
import { listDisclosure } from '../../usecases/list-disclosure.ts';
import { previewDisclosure } from '../../usecases/preview-disclosure.ts';
import { publishDisclosure } from '../../usecases/publish-disclosure.ts';
import { putDisclosurePolicy } from '../../usecases/put-disclosure-policy.ts';
import { withdrawDisclosure } from '../../usecases/withdraw-disclosure.ts';
import { actorOf } from '../auth/route-guard.ts';
import { attachment } from '../file-reply.ts';

const YearQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  orgCode: OrgCodeSchema.optional(),
});
const PackageParamsSchema = UnitYearParamsSchema.extend({ kind: DisclosureKindSchema });
const publish = { access: { permission: 'disclosure:publish' } } as const;

/**
 * Disclosure for signed-in users (decision 047): the bureau's overview and 公开设置, a unit's 公开 status,
 * publish (renders and freezes the package), withdraw, and a preview zip. The public pages are in public.ts.
 */
export function disclosureRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/disclosure',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary: "The bureau's units × disclosure packages of a year (status, why not yet, public address)",
          tags: ['disclosure'],
          querystring: YearQuerySchema,
          response: { 200: DisclosureOverviewSchema },
        },
      },
      async (request) => listDisclosure(db, actorOf(request), request.query),
    );

    app.get(
      '/api/disclosure/policy',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary: "The bureau's disclosure settings of a year (documents, public from, units may publish)",
          tags: ['disclosure'],
          querystring: YearQuerySchema,
          response: { 200: StoredDisclosurePolicySchema },
        },
      },
      async (request) => getDisclosurePolicy(db, actorOf(request), request.query),
    );

    app.put(
      '/api/disclosure/policy',
      {
        config: { access: { permission: 'policies:manage' } },
        schema: {
          summary: "Save the bureau's disclosure settings of a year (expectedVersion: the version read)",
          tags: ['disclosure'],
          querystring: YearQuerySchema,
          body: z.object({ policy: DisclosurePolicySchema, expectedVersion: z.number().int().min(0) }),
          response: { 200: StoredDisclosurePolicySchema },
        },
      },
      async (request) => putDisclosurePolicy(db, actorOf(request), { ...request.query, ...request.body }),
    );

    app.get(
      '/api/units/:unitCode/years/:year/disclosure',
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: "A unit-year's disclosure packages: status, why not yet, whether the user may publish",
          tags: ['disclosure'],
          params: UnitYearParamsSchema,
          response: { 200: UnitDisclosureSchema },
        },
      },
      async (request) =>
        getDisclosure(db, actorOf(request), { unitCode: request.params.unitCode, fiscalYear: request.params.year }),
    );

    app.post(
      '/api/units/:unitCode/years/:year/disclosure/:kind/publish',
      {
        // Writes every document of the package (Word and PDF) in render threads: admitted like an export.
        config: { ...publish, heavy: true },
        schema: {
          summary: 'Publish: render the package now and store it as a new public version',
          tags: ['disclosure'],
          params: PackageParamsSchema,
          response: { 201: PublishResultSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year, kind } = request.params;
        const result = await publishDisclosure(db, actorOf(request), { unitCode, fiscalYear: year, kind });
        return reply.code(201).send(result);
      },
    );

    app.post(
      '/api/units/:unitCode/years/:year/disclosure/:kind/withdraw',
      {
        config: publish,
        schema: {
          summary: 'Withdraw every public version of the package, with the reason',
          tags: ['disclosure'],
          params: PackageParamsSchema,
          body: WithdrawBodySchema,
          response: { 200: z.object({ withdrawn: z.array(z.number().int()) }) },
        },
      },
      async (request) => {
        const { unitCode, year, kind } = request.params;
        return withdrawDisclosure(db, actorOf(request), { unitCode, fiscalYear: year, kind, ...request.body });
      },
    );

    app.get(
      '/api/units/:unitCode/years/:year/disclosure/:kind/preview',
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: 'The package as publishing would write it now, as a .zip with its manifest (not stored)',
          tags: ['disclosure'],
          params: PackageParamsSchema,
        },
      },
      async (request, reply) => {
        const { unitCode, year, kind } = request.params;
        const file = await previewDisclosure(db, { unitCode, fiscalYear: year, kind });
        return attachment(reply, 'application/zip', file.fileName, `${unitCode}-${year}-${kind}-preview.zip`).send(
          file.content,
        );
      },
    );
  };
}
