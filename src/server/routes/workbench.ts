import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NotificationPageSchema,
  NotificationParamsSchema,
  NotificationQuerySchema,
} from '../../contract/notifications.ts';
import { WorkbenchQuerySchema, WorkbenchSchema } from '../../contract/workbench.ts';
import type { Db } from '../../db/database.ts';
import { getWorkbench } from '../../usecases/get-workbench.ts';
import { listNotifications } from '../../usecases/list-notifications.ts';
import { markNotificationsRead } from '../../usecases/mark-notifications-read.ts';
import { actorOf } from '../auth/route-guard.ts';

const tags = ['workbench'];
/** Every signed-in user has a workbench and notifications; what they list is narrowed by the role's scope. */
const signedIn = { access: 'signed-in' as const };
const ReadResultSchema = z.object({ read: z.number().int() });

/** 工作台 and the notifications bell (issue 17 item 1, decision 037). */
export function workbenchRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/workbench',
      {
        config: signedIn,
        schema: {
          summary: "What the signed-in user must do now in a fiscal year (default: the newest of the user's units)",
          tags,
          querystring: WorkbenchQuerySchema,
          response: { 200: WorkbenchSchema },
        },
      },
      async (request) => getWorkbench(db, actorOf(request), { year: request.query.year }),
    );

    app.get(
      '/api/notifications',
      {
        config: signedIn,
        schema: {
          summary: "The signed-in user's notifications, unread first, with the unread count",
          tags,
          querystring: NotificationQuerySchema,
          response: { 200: NotificationPageSchema },
        },
      },
      async (request) =>
        listNotifications(db, actorOf(request), {
          page: request.query.page,
          pageSize: request.query.pageSize,
          unread: request.query.unread ? 'true' : 'false',
        }),
    );

    app.post(
      '/api/notifications/read-all',
      {
        config: signedIn,
        schema: { summary: "Mark all the user's notifications read", tags, response: { 200: ReadResultSchema } },
      },
      async (request) => markNotificationsRead(db, actorOf(request), 'all'),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        config: signedIn,
        schema: {
          summary: 'Mark one notification read',
          tags,
          params: NotificationParamsSchema,
          response: { 200: ReadResultSchema },
        },
      },
      async (request) => markNotificationsRead(db, actorOf(request), request.params.id),
    );
  };
}
