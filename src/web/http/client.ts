import { z } from 'zod';
import { ErrorResponseSchema } from '../../contract/api.ts';

/** One problem the server found: where, its Chinese sentence, and the rule's facts to word it in English (issue-text.ts). */
export interface ApiIssue {
  path: (string | number)[];
  message: string;
  facts?: IssueFacts;
}

/** What the server says of the rule an issue broke (src/domain/errors.ts ErrorIssue; decision 043). */
export interface IssueFacts {
  rule: string;
  limit?: number | string;
  expected?: string | string[];
  counts?: string;
  exclusive?: boolean;
  within?: string;
  part?: string;
  /** A gap a use case found (`gap.monitoring.progress-missing`) and what it names: worded from these. */
  reason?: string;
  subject?: GapNames;
}

/** A gap's names: a project's code, an indicator's name (user data), a month, a value. */
export interface GapNames {
  project?: string;
  indicator?: string;
  month?: number;
  value?: string;
}

/** A failed request: `code` is the server's error code (CONFLICT, VALIDATION, …) or NETWORK / BAD_RESPONSE. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  /** The server's `error.details` and `error.location`: a stale write's CONFLICT says who and when (src/web/shared/conflict.ts). */
  readonly details: Record<string, unknown> | undefined;
  readonly location: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: ApiIssue[] = [],
    facts: { details?: Record<string, unknown>; location?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = facts.details;
    this.location = facts.location;
  }
}

export interface ApiResponse<T> {
  data: T;
  /** The ETag's version number, when the server sent one. */
  version: number | null;
}

/** Sends a request and parses the JSON answer with `schema`; every failure becomes an ApiError. */
export async function request<T>(
  schema: z.ZodType<T> | null,
  path: string,
  init: RequestInit = {},
): Promise<ApiResponse<T>> {
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
  if (response.status === 403) await notifyPasswordChangeRequired(response);
  return response;
}

/**
 * An administrator reset the password while this tab was open: the server now refuses everything
 * with PASSWORD_CHANGE_REQUIRED, and the app must show the password change instead of an error.
 */
async function notifyPasswordChangeRequired(response: Response): Promise<void> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  const code = ErrorResponseSchema.safeParse(body).data?.error.code;
  if (code === 'PASSWORD_CHANGE_REQUIRED') for (const listener of passwordChangeListeners) listener();
}

const passwordChangeListeners = new Set<() => void>();

/** Called when the server says the signed-in user must change the password first. */
export function onPasswordChangeRequired(listener: () => void): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorResponseSchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
  const { code, message, issues = [], details, location } = parsed.data.error;
  return new ApiError(response.status, code, message, issues.map(toIssue), { details, location });
}

function toIssue(issue: { message: string; [key: string]: unknown }): ApiIssue {
  const raw = issue['path'];
  const path = Array.isArray(raw)
    ? raw.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    : [];
  const field = typeof issue['field'] === 'string' ? [issue['field']] : [];
  const facts = issueFacts(issue);
  return { path: path.length > 0 ? path : field, message: issue.message, ...(facts ? { facts } : {}) };
}

const IssueFactsSchema = z.object({
  rule: z.string(),
  limit: z.union([z.number(), z.string()]).optional(),
  expected: z.union([z.string(), z.array(z.string())]).optional(),
  counts: z.string().optional(),
  exclusive: z.boolean().optional(),
  within: z.string().optional(),
  part: z.string().optional(),
  reason: z.string().optional(),
  subject: z
    .object({
      project: z.string().optional(),
      indicator: z.string().optional(),
      month: z.number().optional(),
      value: z.string().optional(),
    })
    .optional(),
});

/** The rule's facts, when the server sent them well formed; otherwise the sentence alone is shown. */
function issueFacts(issue: Record<string, unknown>): IssueFacts | undefined {
  return IssueFactsSchema.safeParse(issue).data;
}

function versionFromEtag(etag: string | null): number | null {
  const match = etag ? /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

export function jsonBody(value: unknown): RequestInit {
  return { body: JSON.stringify(value), headers: { 'Content-Type': 'application/json' } };
}

/** How a download waits out 429 BUSY (heavy work at its limit on the server; decision 022). */
export interface BusyRetry {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Called before each wait with the seconds the server asked for (Retry-After) and the retry's number. */
  onBusy?: (seconds: number, retry: number) => void;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** Without a usable Retry-After the wait is this; a server's answer is capped so a download never hangs for minutes. */
const DEFAULT_RETRY_S = 2;
const MAX_RETRY_S = 30;

/**
 * GET a file (an export, a report): on 429 waits the Retry-After seconds and asks again, at most
 * `attempts` times in all; any other failure, or the last 429, becomes an ApiError.
 */
export async function fetchFile(path: string, retry: BusyRetry = {}): Promise<Response> {
  const attempts = retry.attempts ?? 5;
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    const response = await send(path, {});
    if (response.ok) return response;
    if (response.status !== 429 || attempt >= attempts) throw await errorFrom(response);
    const asked = Number(response.headers.get('Retry-After'));
    const seconds = Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_RETRY_S) : DEFAULT_RETRY_S;
    await response.body?.cancel();
    retry.onBusy?.(seconds, attempt);
    await sleep(seconds * 1000);
  }
}
