/**
 * Every failure the user can cause carries a stable code. Edges map the code once:
 * HTTP status in src/server/errors.ts, exit code in src/cli/main.ts, message in the web app.
 */
export type ErrorCode =
  | 'BAD_INPUT' // a document or file that cannot be read (location in details)
  | 'VALIDATION' // well-formed input that breaks a rule or a schema
  | 'NOT_FOUND'
  | 'CONFLICT' // stale version, duplicate key
  | 'PRECONDITION_REQUIRED' // a write without the version it expects to replace
  | 'UNAUTHENTICATED' // no valid session, wrong password
  | 'FORBIDDEN' // signed in, but the role or organisation does not allow it
  | 'PASSWORD_CHANGE_REQUIRED' // signed in with a one-time password: only changing it is allowed
  | 'LOCKED' // approved targets, a locked-out account: refused until a procedure unlocks it
  | 'RATE_LIMITED' // too many attempts; try again later
  | 'BUSY' // heavy work (exports, imports) at its concurrency limit: retry after the Retry-After seconds
  | 'USAGE'; // wrong command-line usage

/** Where in the input the problem is. Lines are 1-based. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  field?: string;
  /** Path inside a structured document, e.g. ['projects', 0, 'indicators', 2, 'target']. */
  path?: (string | number)[];
}

export interface ErrorIssue extends ErrorLocation {
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  readonly issues: ErrorIssue[];
  /** Machine-readable facts for the client, e.g. a CONFLICT's who and when (ConflictDetails). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { location?: ErrorLocation; issues?: ErrorIssue[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.location = options.location;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** "file:line: field: message" — the one way a location is written for people. */
export function formatLocation(location: ErrorLocation | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  if (location.line !== undefined) parts.push(`${location.line}`);
  let text = parts.join(':');
  const where = location.path?.length ? location.path.join('.') : location.field;
  if (where) text = text ? `${text}: ${where}` : where;
  return text;
}
