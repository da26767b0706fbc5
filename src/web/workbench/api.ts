import { type NotificationPage, NotificationPageSchema } from '../../contract/notifications.ts';
import { type Workbench, WorkbenchSchema } from '../../contract/workbench.ts';
import { request } from '../http/client.ts';

/** The workbench and notifications HTTP calls (src/server/routes/workbench.ts). */
export async function fetchWorkbench(year: number | null): Promise<Workbench> {
  const { data } = await request(WorkbenchSchema, year === null ? '/api/workbench' : `/api/workbench?year=${year}`);
  return data;
}

export async function fetchNotifications(pageSize: number): Promise<NotificationPage> {
  const { data } = await request(NotificationPageSchema, `/api/notifications?pageSize=${pageSize}`);
  return data;
}

export async function markNotificationRead(id: number | 'all'): Promise<void> {
  const path = id === 'all' ? '/api/notifications/read-all' : `/api/notifications/${id}/read`;
  await request(null, path, { method: 'POST' });
}
