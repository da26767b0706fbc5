import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  ActionBodySchema,
  ActionReopenBodySchema,
  ActionReplyBodySchema,
  MonitoringActionSchema,
  ProjectEntryBodySchema,
  SubmitMonitoringBodySchema,
} from '../../contract/monitoring.ts';
import type { Db } from '../../db/database.ts';
import { recordMonitoringAction, updateMonitoringAction } from '../../usecases/monitoring-actions.ts';
import { recordMonitoringEntry } from '../../usecases/record-monitoring-entry.ts';
import { submitMonitoring } from '../../usecases/submit-monitoring.ts';
import { IfMatchHeadersSchema, etagOf, expectedVersionFrom } from '../versioning.ts';
import { actorOf } from '../auth/route-guard.ts';

const tags = ['monitoring'];
const base = '/api/units/:unitCode/years/:year/monitoring';
const edit = { access: { permission: 'monitoring:edit' as const } };
const act = { access: { permission: 'monitoring:act' as const } };
const ProjectParamsSchema = UnitYearParamsSchema.extend({ projectCode: z.string().min(1) });
const ActionParamsSchema = UnitYearParamsSchema.extend({ actionId: z.coerce.number().int().positive() });

/**
 * 绩效运行监控 per 财预〔2019〕136号 (decision 036): the unit's entered figures per checkpoint, its submission of a
 * checkpoint, and the 提示/警示, 纠偏, 暂缓/停止拨款 the bureau or the department records with the unit's 整改.
 */
export function monitoringRoundRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      `${base}/projects/:projectCode/entry`,
      {
        config: edit,
        schema: {
          summary:
            "Set a project's 全年预计执行数, 拨付 and 结转结余 at a checkpoint month (locked once submitted); If-Match: the project's monitoring version",
          tags,
          params: ProjectParamsSchema,
          headers: IfMatchHeadersSchema,
          body: ProjectEntryBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { unitCode, year, projectCode } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], '监控表');
        const { version } = await recordMonitoringEntry(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          projectCode,
          ...request.body,
          expectedVersion,
        });
        return reply.code(204).header('ETag', etagOf(version)).send(null);
      },
    );

    app.post(
      `${base}/submissions`,
      {
        config: edit,
        schema: {
          summary: "Submit the unit's monitoring for one of the bureau's checkpoints: complete, then locked",
          tags,
          params: UnitYearParamsSchema,
          body: SubmitMonitoringBodySchema,
          response: {
            201: z.object({ month: z.number().int(), submittedAt: z.string(), submittedBy: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const submitted = await submitMonitoring(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          month: request.body.month,
        });
        return reply.code(201).send(submitted);
      },
    );

    app.post(
      `${base}/actions`,
      {
        config: act,
        schema: {
          summary: 'Record a 提示/警示, 纠偏 or 暂缓/停止拨款 for the unit or one project, with a deadline (待整改)',
          tags,
          params: UnitYearParamsSchema,
          body: ActionBodySchema,
          response: { 201: MonitoringActionSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const saved = await recordMonitoringAction(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          ...request.body,
        });
        return reply.code(201).send(saved);
      },
    );

    app.post(
      `${base}/actions/:actionId/reply`,
      {
        config: edit,
        schema: {
          summary: "The unit's 整改 reply to an action: 整改中 or 已整改 with what it did",
          tags,
          params: ActionParamsSchema,
          body: ActionReplyBodySchema,
          response: { 200: MonitoringActionSchema },
        },
      },
      async (request) => {
        const { unitCode, year, actionId } = request.params;
        return updateMonitoringAction(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          actionId,
          ...request.body,
          by: 'unit',
        });
      },
    );

    app.post(
      `${base}/actions/:actionId/reopen`,
      {
        config: act,
        schema: {
          summary: 'Reopen a 已整改 action (back to 待整改) with the reason',
          tags,
          params: ActionParamsSchema,
          body: ActionReopenBodySchema,
          response: { 200: MonitoringActionSchema },
        },
      },
      async (request) => {
        const { unitCode, year, actionId } = request.params;
        return updateMonitoringAction(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          actionId,
          state: '待整改',
          reply: request.body.reason,
          by: 'actor',
        });
      },
    );
  };
}
