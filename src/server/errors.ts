import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
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
    const [status, body] = errorResponse(error);
    if (status >= 500) {
      // With its stack (pino's err serializer); the client learns nothing of the inside.
      request.log.error({ err: error }, error.message);
    } else {
      noteRefusal(request, body.code, body.message);
    }
    return reply.code(status).send({ error: body });
  });
}

function errorResponse(error: FastifyError): [number, ErrorBody] {
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
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? '格式不正确',
    }));
    const first = issues[0];
    const field = first?.path.join('.') ?? '';
    const message = first
      ? `请求内容不符合格式：${PARTS[part] ?? ''}${field || '(根)'}：${first.message}`
      : '请求内容不符合格式';
    return [400, { code: 'VALIDATION', message, location: { in: part, field }, issues }];
  }
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

/** Which part of the request a schema error is in, for the message ("查询参数 search：…"). */
const PARTS: Record<string, string> = { querystring: '查询参数 ', params: '路径参数 ', headers: '请求头 ', body: '' };
