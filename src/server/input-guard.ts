import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FORBIDDEN_IN_NAME, FORBIDDEN_IN_TEXT, describeForbidden } from '../contract/text.ts';
import { AppError } from '../domain/errors.ts';

/**
 * Defence in depth under the zod schemas (decision 021): no request may carry NUL or another control
 * character (tab and line breaks aside) in any string of its JSON body, query or path, nor a control,
 * bidi or zero-width character in a JSON key. Such text is never meant, PostgreSQL refuses NUL (a
 * 500 before this), and a schema that strips unknown keys would otherwise drop a poisoned key
 * silently. The answer is 400 VALIDATION naming the field.
 */
export function registerInputGuard(app: FastifyInstance): void {
  // Path and query before the sign-in check (registered ahead of it): hostile text is a 400 for anyone.
  app.addHook('onRequest', async (request) => {
    checkPart(request.params, 'params');
    checkPart(request.query, 'querystring');
  });
  app.addHook('preValidation', async (request) => {
    checkPart(request.body, 'body');
  });
}

const PART_NAMES: Record<string, string> = { params: '路径参数 ', querystring: '查询参数 ', body: '' };

type Part = 'params' | 'querystring' | 'body';

function checkPart(value: FastifyRequest['body'], part: Part): void {
  // Uploads arrive as Buffers: their readers judge the text inside.
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) {
    if (typeof value === 'string') checkString(value, [], part, FORBIDDEN_IN_TEXT);
    return;
  }
  // Iterative: a deeply nested JSON body must not overflow the stack.
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      checkString(current, path, part, FORBIDDEN_IN_TEXT);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        checkString(key, [...path, key], part, FORBIDDEN_IN_NAME, '字段名');
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
}

function checkString(text: string, path: (string | number)[], part: Part, forbidden: RegExp, what = ''): void {
  const where = describeForbidden(text, forbidden);
  if (!where) return;
  const field = path
    .map((key) =>
      String(key).replace(FORBIDDEN_IN_NAME_GLOBAL, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`),
    )
    .join('.');
  const message = `${what}含有不允许的字符 ${where}`;
  throw new AppError('VALIDATION', `请求内容不符合格式：${PART_NAMES[part]}${field || '(根)'}：${message}`, {
    location: { field, path: [part, ...path] },
    issues: [{ path, message }],
  });
}

/** Shown escaped in the message (a field name with NUL in it must not carry the NUL into the answer). */
const FORBIDDEN_IN_NAME_GLOBAL = new RegExp(FORBIDDEN_IN_NAME.source, 'gu');
