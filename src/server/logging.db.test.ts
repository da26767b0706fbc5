import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestClient, signIn } from '../../test/api-client.ts';
import { describeEachEngine } from '../../test/db-engines.ts';
import { buildServer } from './app.ts';
import { logLevelFromEnv, requestId } from './logging.ts';

/** The JSON lines the server wrote, parsed. */
function capture(): {
  stream: { write(line: string): void };
  lines: () => Record<string, unknown>[];
  text: () => string;
  clear: () => void;
} {
  let written: string[] = [];
  return {
    stream: { write: (line: string) => void written.push(line) },
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
    clear: () => {
      written = [];
    },
  };
}

describeEachEngine('structured request logs', (getDb) => {
  const log = capture();
  let app: FastifyInstance;
  let client: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent', logger: { level: 'info', stream: log.stream } });
    app.get('/api/test-explode', { config: { access: 'public' } }, async () => {
      throw new Error('kaboom for the log test');
    });
    client = await signIn(app, getDb(), { role: 'admin' });
  });

  beforeEach(() => log.clear());

  it('writes one JSON line per request: request id, route pattern, status, duration and who', async () => {
    const response = await client.inject({
      method: 'GET',
      url: '/api/units?search=secret-token',
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(response.headers['x-request-id']).toBe('trace-42');
    const [line, ...more] = log.lines().filter((l) => l.msg === 'request');
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      reqId: 'trace-42',
      method: 'GET',
      route: '/api/units',
      path: '/api/units',
      status: 200,
      username: client.username,
    });
    expect(line!.userId).toEqual(expect.any(Number));
    expect(line!.durationMs).toEqual(expect.any(Number));
    expect(log.text()).not.toContain('secret-token');
  });

  it('replaces an insane X-Request-Id with a generated one', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'a b\u0001{"level":60}' },
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines().find((l) => l.msg === 'request')).toMatchObject({
      reqId: response.headers['x-request-id'],
      userId: null,
    });
  });

  it('logs a 5xx at error level with its stack, and tells the client nothing of it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test-explode' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('kaboom');
    const failure = log.lines().find((l) => l.level === 50 && l.err);
    expect((failure!.err as { stack: string }).stack).toContain('kaboom for the log test');
    expect(failure!.reqId).toBe(response.headers['x-request-id']);
    expect(log.lines().find((l) => l.msg === 'request')).toMatchObject({
      level: 50,
      status: 500,
      route: '/api/test-explode',
    });
  });

  it('logs a refused request (NUL in a query) at warn with the reason and no stack', async () => {
    const response = await client.inject({ method: 'GET', url: '/api/units?search=a%00b' });
    expect(response.statusCode).toBe(400);
    const line = log.lines().find((l) => l.msg === 'request');
    expect(line).toMatchObject({ level: 40, status: 400, route: '/api/units', refused: { code: 'VALIDATION' } });
    expect(JSON.stringify(line)).toContain('U+0000');
    expect(log.lines().some((l) => l.err)).toBe(false);
  });

  it('never writes a password, a session cookie or a CSRF token', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: client.username, password: TEST_PASSWORD },
    });
    await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: client.username, password: 'wrong-password-123' },
    });
    await client.inject({
      method: 'POST',
      url: '/api/units/711002/years/2020/projects',
      payload: { password: 'p4ssw0rd-in-body' },
    });
    const text = log.text();
    expect(log.lines().filter((l) => l.msg === 'request')).toHaveLength(3);
    for (const secret of [
      TEST_PASSWORD,
      'wrong-password-123',
      'p4ssw0rd-in-body',
      client.cookie.split('=')[1]!,
      client.csrfToken,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('log settings', () => {
  it('reads the level from JIXIAO_LOG_LEVEL, then LOG_LEVEL, default info; refuses a misspelt one', () => {
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(logLevelFromEnv({ JIXIAO_LOG_LEVEL: 'WARN', LOG_LEVEL: 'debug' })).toBe('warn');
    expect(() => logLevelFromEnv({ JIXIAO_LOG_LEVEL: 'verbose' })).toThrow(/JIXIAO_LOG_LEVEL/);
  });

  it('keeps a plain X-Request-Id and replaces a long or odd one', () => {
    const of = (value: string) => requestId({ headers: { 'x-request-id': value } } as never);
    expect(of('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(of('x'.repeat(129))).not.toBe('x'.repeat(129));
    expect(of('a\nb')).not.toContain('\n');
  });
});
