import { type SessionResponse, SessionResponseSchema } from '../../contract/accounts.ts';
import { jsonBody, request, setCsrfToken } from '../http/client.ts';

/** Who is signed in; remembers the CSRF token for the writes that follow. */
export async function fetchSession(): Promise<SessionResponse> {
  const { data } = await request(SessionResponseSchema, '/api/session');
  setCsrfToken(data.csrfToken);
  return data;
}

export async function postSession(username: string, password: string): Promise<SessionResponse> {
  const { data } = await request(SessionResponseSchema, '/api/session', {
    method: 'POST',
    ...jsonBody({ username, password }),
  });
  setCsrfToken(data.csrfToken);
  return data;
}

export async function deleteSession(): Promise<void> {
  try {
    await request(null, '/api/session', { method: 'DELETE' });
  } finally {
    setCsrfToken(null);
  }
}
