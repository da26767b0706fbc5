import type { z } from 'zod';
import { ErrorResponseSchema } from '../../contract/api.ts';

export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

/** A failed request: `code` is the server's error code (CONFLICT, VALIDATION, …) or NETWORK / BAD_RESPONSE. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export interface ApiResponse<T> {
  data: T;
  /** The ETag's version number, when the server sent one. */
  version: number | null;
}

/** Sends a request and parses the JSON answer with `schema`; every failure becomes an ApiError. */
export async function request<T>(schema: z.ZodType<T> | null, path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
  const response = await send(path, init);
  if (!response.ok) throw await errorFrom(response);
  const version = versionFromEtag(response.headers.get('ETag'));
  if (schema === null || response.status === 204) return { data: undefined as T, version };
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(response.status, 'BAD_RESPONSE', `服务器返回的数据格式不正确：${path}`);
  }
  return { data: parsed.data, version };
}

/**
 * The session's CSRF token (from GET/POST /api/session): every write echoes it in X-CSRF-Token, which
 * a page on another site cannot read, so it cannot forge the write with the user's cookie.
 */
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 (the session ended or expired): the app shows the sign-in page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The headers a write needs besides its own; for callers that must use fetch directly (uploads). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const write = method !== 'GET' && method !== 'HEAD';
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(write ? csrfHeaders() : {}), ...init.headers },
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 401 && !path.startsWith('/api/session')) {
    for (const listener of unauthenticatedListeners) listener();
  }
  return response;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorResponseSchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
  const { code, message, issues = [] } = parsed.data.error;
  return new ApiError(response.status, code, message, issues.map(toIssue));
}

function toIssue(issue: { message: string; [key: string]: unknown }): ApiIssue {
  const raw = issue['path'];
  const path = Array.isArray(raw) ? raw.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [];
  const field = typeof issue['field'] === 'string' ? [issue['field']] : [];
  return { path: path.length > 0 ? path : field, message: issue.message };
}

export function versionFromEtag(etag: string | null): number | null {
  const match = etag ? /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

export function jsonBody(value: unknown): RequestInit {
  return { body: JSON.stringify(value), headers: { 'Content-Type': 'application/json' } };
}
