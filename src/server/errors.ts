import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type ErrorCode } from '../domain/errors.ts';

/** The one place where an error code becomes an HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_REQUIRED: 428,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOCKED: 423,
  RATE_LIMITED: 429,
  USAGE: 400,
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return reply.code(STATUS[error.code]).send({
        error: { code: error.code, message: error.message, location: error.location, issues: error.issues },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '格式不正确',
      }));
      const first = issues[0];
      const message = first ? `请求内容不符合格式：${first.path.join('.') || '(根)'}：${first.message}` : '请求内容不符合格式';
      return reply.code(400).send({ error: { code: 'VALIDATION', message, issues } });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } });
    }
    request.log.error(error);
    return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
  });
}
