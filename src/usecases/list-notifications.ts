import { limitOffset } from '../contract/paging.ts';
import {
  type NotificationPage,
  type NotificationQuery,
  NotificationQuerySchema,
  NotificationSchema,
} from '../contract/notifications.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { findNotificationPage } from '../db/notifications.repo.ts';
import type { Actor } from '../domain/access.ts';

/** The signed-in user's notifications, unread first, one page at a time, with the bell's unread count. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  input: NotificationQuery = {},
): Promise<NotificationPage> {
  const query = validateInput(NotificationQuerySchema, input, '通知查询');
  const found = await findNotificationPage(db.kysely, actor.userId, {
    unreadOnly: query.unread,
    ...limitOffset(query),
  });
  return {
    // Parsed: the kind and page were written by this code, a row of an unknown kind is a bug to see.
    items: found.items.map((row) => NotificationSchema.parse(row)),
    total: found.total,
    unread: found.unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}
