import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { useChineseValidationMessages } from '../contract/locale.ts';
import type { Db } from '../db/database.ts';
import { openRenderPool } from '../usecases/open-render-pool.ts';
import { authRoutes, registerAuth } from './auth/index.ts';
import { registerErrorHandler } from './errors.ts';
import { type TrustProxy, fastifyTrustProxy } from './trust-proxy.ts';
import { registerInputGuard } from './input-guard.ts';
import { type LogOptions, loggerServerOptions, registerRequestId } from './logging.ts';
import { type MetricsOptions, registerMetrics } from './metrics.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { type HeavyLimits, installHeavyWork } from './heavy-work.ts';
import { summaryRefresh } from './summary-refresh.ts';
import { documentRoutes } from './routes/documents.ts';
import { jobRoutes } from './routes/jobs.ts';
import { evaluationRoutes } from './routes/evaluation.ts';
import { departmentEvaluationRoutes } from './routes/department-evaluation.ts';
import { selfReportRoutes } from './routes/self-report.ts';
import { auditRoutes } from './routes/audit.ts';
import { exportRoutes } from './routes/export.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { policyRoutes } from './routes/policies.ts';
import { healthRoutes } from './routes/health.ts';
import { instanceRoutes } from './routes/instance.ts';
import { backupRoutes } from './routes/backup.ts';
import { projectRoutes } from './routes/projects.ts';
import { reviewRoutes } from './routes/review.ts';
import { unitRoutes } from './routes/units.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { yearRoutes } from './routes/years.ts';
import { resultRoutes } from './routes/results.ts';
import { reviewOpinionRoutes } from './routes/review-opinions.ts';
import { workbenchRoutes } from './routes/workbench.ts';
import { disclosureRoutes } from './routes/disclosure.ts';
import { publicRoutes } from './routes/public.ts';
import { type MailOptions, notificationMail } from './notification-mail.ts';

export interface ServerOptions {
  db: Db;
  /** Folder of the built web app (vite build); not served when absent. */
  webRoot?: string;
  /** JSON log lines (pino): true = info to stdout; false/absent = silent (tests). */
  logger?: boolean | LogOptions;
  /** Prometheus /metrics (JIXIAO_METRICS); absent or false: /metrics answers 404. */
  metrics?: MetricsOptions | false;
  /** Mark the session cookie Secure even when the request did not come over https (behind a TLS proxy). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-For / -Proto from a reverse proxy: a hop count or the proxies' addresses (trust-proxy.ts; the sign-in limit keys on the client IP). */
  trustProxy?: TrustProxy;
  /** `jixiao serve` on PGlite: the token that lets the local `jixiao backup`/`restore` ask this server (routes/backup.ts). */
  controlToken?: string;
  /** Concurrency limits of heavy work (default JIXIAO_HEAVY_PER_USER / JIXIAO_HEAVY_GLOBAL or 1 / cores − 1). */
  heavy?: HeavyLimits;
  /** Threads that write Word/PDF/Excel files (default: the global heavy limit); 0 writes them on the event loop. */
  renderThreads?: number;
  /** E-mail notifications over SMTP (JIXIAO_SMTP_URL); absent or false: in-app only (decision 037). */
  mail?: MailOptions | false;
}

const DEFAULT_WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');

/** JSON bodies are small; uploads have their own, larger limits (documents.ts, the payments routes). */
const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  useChineseValidationMessages();
  const log = options.logger === true ? {} : (options.logger ?? false);
  const app = Fastify({
    ...loggerServerOptions(log),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: fastifyTrustProxy(options.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerRequestId(app);
  await registerSecurityHeaders(app);
  registerInputGuard(app);
  registerMetrics(app, options.db, options.metrics ?? false);
  // Before every route: the guard refuses to start with an /api route that declares no access.
  await registerAuth(app, options.db);
  // After the guard (the user is known): heavy routes are admitted or refused 429; their documents are written in render threads.
  const heavy = installHeavyWork(app, options.heavy);
  const renderThreads = options.renderThreads ?? heavy.limits.global;
  if (renderThreads > 0) app.addHook('onClose', openRenderPool(renderThreads));

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Jixiao API',
        description: '预算绩效管理系统 HTTP API (exchange format jixiao/targets@1)',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(summaryRefresh(options.db));
  if (options.mail) await app.register(notificationMail(options.db, options.mail));

  await app.register(authRoutes(options.db, { secureCookies: options.secureCookies }));
  await app.register(unitRoutes(options.db));
  await app.register(projectRoutes(options.db));
  await app.register(exportRoutes(options.db));
  await app.register(auditRoutes(options.db));
  await app.register(documentRoutes(options.db));
  await app.register(jobRoutes(options.db));
  await app.register(workflowRoutes(options.db));
  await app.register(workbenchRoutes(options.db));
  await app.register(reviewOpinionRoutes(options.db));
  await app.register(reviewRoutes(options.db));
  await app.register(policyRoutes(options.db));
  await app.register(evaluationRoutes(options.db));
  await app.register(departmentEvaluationRoutes(options.db));
  await app.register(selfReportRoutes(options.db));
  await app.register(monitoringRoutes(options.db));
  await app.register(organisationRoutes(options.db));
  await app.register(yearRoutes(options.db));
  await app.register(resultRoutes(options.db));
  await app.register(disclosureRoutes(options.db));
  await app.register(publicRoutes(options.db));
  await app.register(healthRoutes(options.db));
  await app.register(instanceRoutes(options.db, { secureCookies: options.secureCookies }));
  await app.register(backupRoutes(options.db, { controlToken: options.controlToken }));
  await serveWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

/** The built SPA at /, with unknown non-API paths falling back to index.html (client routing). */
async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, setHeaders: setWebCacheHeaders });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb) {
      return reply.sendFile('index.html');
    }
    const message = hasWeb ? `找不到：${request.method} ${request.url}` : '网页未构建：请先运行 npm run build:web';
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message } });
  });
}

/**
 * Vite names every asset by its content hash: a browser may keep it for a year. index.html names the
 * current assets, so it is revalidated on every load (a deploy shows at the next page load).
 */
function setWebCacheHeaders(reply: { header(name: string, value: string): unknown }, path: string): void {
  if (path.endsWith('index.html')) reply.header('Cache-Control', 'no-cache');
  else if (/[\\/]assets[\\/]/.test(path)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
}
