import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  SelfReportQuerySchema,
  SelfReportSectionBodySchema,
  SelfReportSectionParamsSchema,
  SelfReportViewSchema,
} from '../../contract/self-report.ts';
import type { Db } from '../../db/database.ts';
import { editSelfReportSection } from '../../usecases/edit-self-report-section.ts';
import { getSelfReport } from '../../usecases/get-self-report.ts';
import { renderSelfReport } from '../../usecases/render-self-report.ts';
import { actorOf } from '../auth/route-guard.ts';
import { sendFile } from '../file-reply.ts';

const tags = ['evaluation'];
const base = '/api/units/:unitCode/years/:year/self-report';

/** 自评报告 (decision 046): the report as JSON or Word/PDF (?format), and the unit's edits of its sections. */
export function selfReportRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        config: {
          access: { permission: 'targets:read' },
          // Word and PDF are written in a render thread under the heavy-work limit; the JSON view is light.
          heavy: (request) => (request.query as { format?: string }).format !== undefined,
        },
        schema: {
          summary:
            'A 自评报告 (?project=CODE for a project, else the department’s): JSON with each section’s text and generated default, the charts’ data and the frozen versions; ?format=docx|pdf downloads it; ?version=N a frozen version',
          tags,
          params: UnitYearParamsSchema,
          querystring: SelfReportQuerySchema,
          response: { 200: SelfReportViewSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const { project, version, format } = request.query;
        const key = { unitCode, fiscalYear: year, projectCode: project, version };
        if (format === undefined) return getSelfReport(db, key);
        const file = await renderSelfReport(db, { ...key, format });
        return sendFile(reply, file, `${unitCode}-${year}-self-report${project ? `-${project}` : ''}.${format}`);
      },
    );

    app.put(
      `${base}/sections/:section`,
      {
        config: { access: { permission: 'evaluation:edit' } },
        schema: {
          summary:
            'Edit one section of a 自评报告 (text), or restore its generated text (text: null), while the 自评表 is not final (final → 423 LOCKED); expectedVersion is the section’s version as read (stale → 409)',
          tags,
          params: SelfReportSectionParamsSchema,
          body: SelfReportSectionBodySchema,
          response: { 200: z.object({ version: z.number().int() }) },
        },
      },
      async (request) => {
        const { unitCode, year, section } = request.params;
        const { project, text, expectedVersion } = request.body;
        return editSelfReportSection(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          projectCode: project,
          section,
          text,
          expectedVersion,
        });
      },
    );
  };
}
