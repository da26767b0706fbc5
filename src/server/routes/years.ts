import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import { OrgCodeSchema } from '../../contract/codes.ts';
import {
  CloseFiscalYearInputSchema,
  FiscalYearDeadlinesInputSchema,
  FiscalYearListResponseSchema,
  FiscalYearParamsSchema,
  FiscalYearSchema,
  OpenFiscalYearInputSchema,
  OpenFiscalYearResultSchema,
  PreviousActualsResponseSchema,
  ReopenFiscalYearInputSchema,
} from '../../contract/fiscal-years.ts';
import type { Db } from '../../db/database.ts';
import { closeFiscalYear } from '../../usecases/close-fiscal-year.ts';
import { getPreviousActuals } from '../../usecases/get-previous-actuals.ts';
import { listYears } from '../../usecases/list-years.ts';
import { openFiscalYear } from '../../usecases/open-fiscal-year.ts';
import { setYearDeadlines } from '../../usecases/set-fiscal-year-deadlines.ts';
import { actorOf } from '../auth/route-guard.ts';

const manage = { access: { permission: 'years:manage' } } as const;
const OpenQuerySchema = z.object({ orgCode: OrgCodeSchema.optional() });

/** Fiscal years (decision 038): the list every role reads, the bureau's open/deadlines/close/reopen. */
export function yearRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/years',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: "The years opened by the user's bureau (status, deadlines) and the years with data, newest first",
          tags: ['years'],
          response: { 200: FiscalYearListResponseSchema },
        },
      },
      async (request) => ({ items: await listYears(db, actorOf(request)) }),
    );

    app.post(
      '/api/years',
      {
        // Copies every unit's targets: ~12 s for 2,000 units × 25 projects, so admitted like an import (heavy-work.ts).
        config: { ...manage, heavy: true },
        schema: {
          summary: "Open a year with its stage deadlines: copies each unit's latest targets as a draft of the year",
          tags: ['years'],
          querystring: OpenQuerySchema,
          body: OpenFiscalYearInputSchema,
          response: { 201: OpenFiscalYearResultSchema },
        },
      },
      async (request, reply) => {
        const result = await openFiscalYear(db, actorOf(request), {
          ...request.body,
          orgCode: request.body.orgCode ?? request.query.orgCode,
        });
        return reply.code(201).send(result);
      },
    );

    app.put(
      '/api/years/:year/deadlines',
      {
        config: manage,
        schema: {
          summary: "Change an open year's stage deadlines",
          tags: ['years'],
          params: FiscalYearParamsSchema,
          body: FiscalYearDeadlinesInputSchema,
          response: { 200: FiscalYearSchema },
        },
      },
      async (request) => setYearDeadlines(db, actorOf(request), { year: request.params.year, ...request.body }),
    );

    app.post(
      '/api/years/:year/close',
      {
        config: manage,
        schema: {
          summary: 'Close a year: its targets, monitoring and 自评 become read-only (writes answer 423)',
          tags: ['years'],
          params: FiscalYearParamsSchema,
          body: CloseFiscalYearInputSchema,
          response: { 200: FiscalYearSchema },
        },
      },
      async (request) => closeFiscalYear(db, actorOf(request), { year: request.params.year, ...request.body }),
    );

    app.post(
      '/api/years/:year/reopen',
      {
        config: manage,
        schema: {
          summary: 'Reopen a closed year, with the reason (audited)',
          tags: ['years'],
          params: FiscalYearParamsSchema,
          body: ReopenFiscalYearInputSchema,
          response: { 200: FiscalYearSchema },
        },
      },
      async (request) =>
        closeFiscalYear(db, actorOf(request), {
          year: request.params.year,
          orgCode: request.body.orgCode,
          reopen: { reason: request.body.reason },
        }),
    );

    app.get(
      '/api/units/:unitCode/years/:year/previous-actuals',
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: "The unit's previous year: each indicator's target and 实际完成值, to show beside this year's draft",
          tags: ['years'],
          params: UnitYearParamsSchema,
          response: { 200: PreviousActualsResponseSchema },
        },
      },
      async (request) => getPreviousActuals(db, { unitCode: request.params.unitCode, fiscalYear: request.params.year }),
    );
  };
}
