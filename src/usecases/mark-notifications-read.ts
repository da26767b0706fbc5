import type { Db } from '../db/database.ts';
import { markAllNotificationsRead, markNotificationRead } from '../db/notifications.repo.ts';
import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';

/**
 * Marks the user's notification `id` read, or all of them when `id` is 'all'. Reading is the user's own
 * state (not a change of any record): it is not audited. Another user's notification is NOT_FOUND.
 */
export async function markNotificationsRead(db: Db, actor: Actor, id: number | 'all'): Promise<{ read: number }> {
  if (id === 'all') return { read: await markAllNotificationsRead(db.kysely, actor.userId) };
  if (!(await markNotificationRead(db.kysely, actor.userId, id))) {
    throw notFound('notification', id, `没有编号为 ${id} 的通知`, { location: { field: 'id' } });
  }
  return { read: 1 };
}
