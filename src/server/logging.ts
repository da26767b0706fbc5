import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import { AppError } from '../domain/errors.ts';

/**
 * Structured logs (decision 021): `jixiao serve` writes one JSON line per request through Fastify's
 * pino — request id, route pattern, status, duration, who — and every 5xx with its stack (the error
 * handler). Cookies, CSRF tokens, passwords and Authorization never reach a line.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogOptions {
  /** Default info; `jixiao serve` reads JIXIAO_LOG_LEVEL (or LOG_LEVEL). */
  level?: LogLevel;
  /** Where the JSON lines go (default stdout); tests pass a stream they read. */
  stream?: { write(line: string): void };
}

/** JIXIAO_LOG_LEVEL, else LOG_LEVEL, else info; a misspelt level stops the start rather than log nothing. */
export function logLevelFromEnv(env: Record<string, string | undefined>): LogLevel {
  const text = (env['JIXIAO_LOG_LEVEL'] ?? env['LOG_LEVEL'] ?? 'info').trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(text)) return text as LogLevel;
  throw new AppError('USAGE', `JIXIAO_LOG_LEVEL 应为 ${LOG_LEVELS.join('、')} 之一（收到“${text}”）`);
}

/** Paths pino replaces with "[redacted]" wherever a logged object carries them. */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'password',
  '*.password',
  '*.*.password',
  'newPassword',
  '*.newPassword',
  'currentPassword',
  '*.currentPassword',
  'csrfToken',
  '*.csrfToken',
  'token',
  '*.token',
];

/** A client's X-Request-Id is kept when it is short and plain (it ends up in log lines); else a new one. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Why a request was refused (4xx), noted by the error handler for the request's log line. */
const refusals = new WeakMap<FastifyRequest, { code: string; message: string }>();

export function noteRefusal(request: FastifyRequest, code: string, message: string): void {
  refusals.set(request, { code, message });
}

/** One line per finished request instead of Fastify's two ("incoming request", "request completed"). */
class RequestLineController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const actor = request.actor;
    const line = {
      method: request.method,
      // The route pattern, so lines group by endpoint; the path without its query (which may carry a token).
      route: request.routeOptions.url ?? null,
      path: request.url.split('?')[0],
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
      userId: actor?.userId ?? null,
      username: actor?.username ?? null,
      ...(refusals.has(request) ? { refused: refusals.get(request) } : {}),
      ...(error ? { err: error } : {}),
    };
    if (status >= 500 || error) reply.log.error(line, 'request');
    else if (status >= 400) reply.log.warn(line, 'request');
    else reply.log.info(line, 'request');
  }
}

type LoggerServerOptions = Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader' | 'logController'>;

/** The Fastify options for the logger: JSON lines at `level`, redaction, request ids. */
export function loggerServerOptions(log: LogOptions | false): LoggerServerOptions {
  const common = { genReqId: requestId, requestIdHeader: false as const };
  if (log === false) return { ...common, logger: false };
  return {
    ...common,
    logger: {
      level: log.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      ...(log.stream ? { stream: log.stream } : {}),
    },
    logController: new RequestLineController(),
  };
}

/** Every response names its request id, so a user's report can be found in the logs. */
export function registerRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}
