import { type OwnSessionView, OwnSessionListSchema } from '../../contract/accounts.ts';
import { jsonBody, request } from '../http/client.ts';

/** One's own password and sessions (src/server/auth/session-routes.ts). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request(null, '/api/session/password', { method: 'PUT', ...jsonBody({ currentPassword, newPassword }) });
}

export async function fetchOwnSessions(): Promise<OwnSessionView[]> {
  return (await request(OwnSessionListSchema, '/api/session/sessions')).data.items;
}

export async function endOwnSession(id: string): Promise<void> {
  await request(null, `/api/session/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
