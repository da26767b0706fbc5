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

/**
 * What kind of rule an input broke, for a client that words the issue in its own language (decision 043):
 * required (absent or empty), type (a number expected…), too-small / too-big (a value or a list's length),
 * too-long (text), format (a date, a pattern), one-of (a fixed list), custom (the contract's own rule: only
 * `message` says what).
 */
export type IssueRule = 'required' | 'type' | 'too-big' | 'too-small' | 'too-long' | 'format' | 'one-of' | 'custom';

export interface ErrorIssue extends ErrorLocation {
  /** The sentence in Chinese, as the CLI and the logs show it. */
  message: string;
  rule?: IssueRule;
  /** too-small / too-big / too-long: the bound (characters for text, items for a list, else the value). */
  limit?: number | string;
  /** type: number | int | string | boolean | array | object | date; format: date | pattern; one-of: the choices. */
  expected?: string | string[];
  /** too-small / too-big: what the bound counts (absent: the value itself). */
  counts?: 'characters' | 'items';
  /** too-small / too-big: the bound itself is not allowed ("应大于 0"). */
  exclusive?: boolean;
  /** The kind of body the path starts inside (`projects`: a project's own body), for naming the field. */
  within?: string;
  /** The part of an HTTP request the issue is in, when not the body: querystring | params | headers. */
  part?: string;
  /** A gap a use case found rather than a schema rule (`gap.monitoring.progress-missing`): a stable key. */
  reason?: GapReason;
  /** What the reason's sentence names: a project's code, an indicator's name (user data), a month, a value. */
  subject?: GapSubject;
}

/** The gaps the 自评 and monitoring pages list (decision 043): the web words each from its key and subject. */
export const GAP_REASONS = [
  'gap.evaluation.spent-missing',
  'gap.evaluation.actual-missing',
  'gap.evaluation.fraction-of-percent',
  'gap.evaluation.band-required',
  'gap.evaluation.score-reason',
  'gap.evaluation.over-spent-reason',
  'gap.evaluation.under-spent-reason',
  'gap.evaluation.over-achieved-reason',
  'gap.evaluation.missed-reason',
  'gap.monitoring.forecast-missing',
  'gap.monitoring.progress-missing',
] as const;

export type GapReason = (typeof GAP_REASONS)[number];

export interface GapSubject {
  project?: string;
  indicator?: string;
  month?: number;
  value?: string;
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
