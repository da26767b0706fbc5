import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { issueRule } from '../contract/issue-rule.ts';
import { issueSentence, issuesSummary, valueAtPath } from '../contract/validate-input.ts';
import { isAppError, type ErrorCode } from '../domain/errors.ts';
import { noteRefusal } from './logging.ts';

/** The one place where an error code becomes an HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_REQUIRED: 428,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  LOCKED: 423,
  RATE_LIMITED: 429,
  BUSY: 429,
  USAGE: 400,
};

/**
 * Text PostgreSQL cannot store or a value out of a column's range (SQLSTATE class 22): the schemas
 * refuse these first; this is the last line, so such input is a 400, never a 500.
 */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22021': '文本含有数据库无法保存的字符（如 NUL）',
  '22P05': '文本含有数据库无法保存的字符（如 NUL）',
  '22001': '文字超出允许的长度',
  '22003': '数值超出允许的范围',
};

type ErrorBody = { code: string; message: string } & Record<string, unknown>;

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const [status, body] = errorResponse(error, request);
    if (status >= 500) {
      // With its stack (pino's err serializer); the client learns nothing of the inside.
      request.log.error({ err: error }, error.message);
    } else {
      noteRefusal(request, body.code, body.message);
    }
    return reply.code(status).send({ error: body });
  });
}

function errorResponse(error: FastifyError, request: FastifyRequest): [number, ErrorBody] {
  if (isAppError(error)) {
    return [
      STATUS[error.code],
      {
        code: error.code,
        message: error.message,
        location: error.location,
        issues: error.issues,
        details: error.details,
      },
    ];
  }
  if (hasZodFastifySchemaValidationErrors(error)) return [400, schemaErrorBody(error, request)];
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return [413, { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大：普通请求最多 1 MB，上传的文件最多 20 MB' }];
  }
  const dataException = DATA_EXCEPTIONS[String(error.code)];
  if (dataException) return [400, { code: 'BAD_INPUT', message: dataException }];
  if (error.statusCode && error.statusCode < 500) {
    return [error.statusCode, { code: error.code ?? 'BAD_REQUEST', message: error.message }];
  }
  return [500, { code: 'INTERNAL', message: '服务器内部错误' }];
}

/**
 * A request that does not fit its route's schema: one sentence per issue naming the field in words
 * (第 2 个指标的“指标值”必须填写), the path kept in `issues`/`location` for the UI to place it inline.
 */
function schemaErrorBody(
  error: FastifyError & { validation: { instancePath: string; keyword: string; message?: string; params: object }[] },
  request: FastifyRequest,
): ErrorBody {
  const part = error.validationContext ?? 'body';
  const sent = { input: INPUTS[part]?.(request), root: part === 'body' ? bodyKind(request) : undefined };
  const issues = error.validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const facts = { ...v.params, code: v.keyword, path: path.map(indexOrKey), message: v.message ?? '' };
    const value = valueAtPath(sent.input, facts.path);
    return {
      path,
      message: `${PARTS[part] ?? ''}${issueSentence(facts, sent)}`,
      // The facts a client words in its own language (decision 043); the sentence above stays Chinese.
      ...issueRule(facts, value),
      ...(sent.root !== undefined ? { within: sent.root } : {}),
      ...(part !== 'body' ? { part } : {}),
    };
  });
  const field = issues[0]?.path.join('.') ?? '';
  const message = issues.length > 0 ? issuesSummary(issues) : '请求内容不符合格式';
  return { code: 'VALIDATION', message, location: { in: part, field }, issues };
}

/** "3" in an instance path is an array index (第 4 个…); a record key that looks like one is rare. */
function indexOrKey(key: string): string | number {
  return /^\d+$/.test(key) ? Number(key) : key;
}

/** The kind of body a route takes, from its last fixed path segment: …/projects/:projectCode → projects. */
function bodyKind(request: FastifyRequest): string | undefined {
  const segments = (request.routeOptions.url ?? '').split('/').filter((s) => s !== '' && !s.startsWith(':'));
  return segments.at(-1);
}

const INPUTS: Record<string, (request: FastifyRequest) => unknown> = {
  body: (request) => request.body,
  querystring: (request) => request.query,
  params: (request) => request.params,
  headers: (request) => request.headers,
};

/** Which part of the request a schema error is in, for the message ("查询参数 search：…"). */
const PARTS: Record<string, string> = { querystring: '查询参数 ', params: '路径参数 ', headers: '请求头 ', body: '' };
