import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/database.ts';
import { countRunningJobs } from '../usecases/count-running-jobs.ts';

/**
 * Prometheus metrics at /metrics (decision 021), behind a setting: JIXIAO_METRICS=1 turns them on,
 * JIXIAO_METRICS_TOKEN (optional) asks for `Authorization: Bearer <token>`. Off, /metrics is a 404.
 * /metrics is outside /api, so the route guard does not cover it: the token check here does.
 *
 * Other parts add their own series to `metricsRegistry` (e.g. the heavy-work limiter's gauges):
 * `new Gauge({ name: 'jixiao_…', help, registers: [metricsRegistry], collect() { … } })`.
 */
export const metricsRegistry = new Registry();

export interface MetricsOptions {
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
}

/** JIXIAO_METRICS=1 (or true) turns /metrics on; JIXIAO_METRICS_TOKEN protects it. */
export function metricsFromEnv(env: Record<string, string | undefined>): MetricsOptions | false {
  if (!['1', 'true', 'yes'].includes((env['JIXIAO_METRICS'] ?? '').trim().toLowerCase())) return false;
  const token = env['JIXIAO_METRICS_TOKEN']?.trim();
  return token ? { token } : {};
}

collectDefaultMetrics({ register: metricsRegistry, prefix: 'jixiao_' });

const requestDuration = new Histogram({
  name: 'jixiao_http_request_duration_seconds',
  help: 'HTTP request durations by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
  registers: [metricsRegistry],
});

/** The database the gauges read on a scrape: the last server built with metrics on (one per process). */
let scraped: Db | undefined;

new Gauge({
  name: 'jixiao_jobs',
  help: 'Long-running jobs (bulk exports, imports) in the jobs table by state, read on each scrape',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    if (!scraped) return;
    this.set({ state: 'running' }, await countRunningJobs(scraped));
  },
});

new Gauge({
  name: 'jixiao_db_pool_connections',
  help: 'PostgreSQL pool connections by kind (total, idle, waiting requests); PGlite: one serialised session',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    if (!scraped) return;
    const pool = scraped.pool ?? { totalCount: 1, idleCount: 0, waitingCount: 0 };
    this.set({ kind: 'total' }, pool.totalCount);
    this.set({ kind: 'idle' }, pool.idleCount);
    this.set({ kind: 'waiting' }, pool.waitingCount);
  },
});

/**
 * Times every request (route pattern, not the raw URL: bounded label values) and serves /metrics,
 * or answers 404 there when metrics are off.
 */
export function registerMetrics(app: FastifyInstance, db: Db, options: MetricsOptions | false): void {
  if (options === false) {
    // Registered, so a GET does not fall through to the web app's index.html.
    app.get('/metrics', { config: { access: 'public' } }, async (_request, reply) =>
      reply.code(404).send({ error: { code: 'NOT_FOUND', message: '指标未开启（JIXIAO_METRICS=1）' } }),
    );
    return;
  }
  scraped = db;
  app.addHook('onClose', async () => {
    if (scraped === db) scraped = undefined;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requestDuration.observe(
      { route, method: request.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (options.token !== undefined && !bearerMatches(request.headers.authorization, options.token)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer realm="jixiao-metrics"')
        .send({ error: { code: 'UNAUTHENTICATED', message: '需要指标令牌（Authorization: Bearer …）' } });
    }
    return reply.header('Content-Type', metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}

/** Constant-time comparison of digests, so the token's length and prefix leak nothing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
