import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { useChineseValidationMessages } from '../contract/locale.ts';
import type { Db } from '../db/database.ts';
import { authRoutes, registerAuth } from './auth/index.ts';
import { registerErrorHandler } from './errors.ts';
import { summaryRefresh } from './summary-refresh.ts';
import { documentRoutes } from './routes/documents.ts';
import { jobRoutes } from './routes/jobs.ts';
import { evaluationRoutes } from './routes/evaluation.ts';
import { auditRoutes } from './routes/audit.ts';
import { exportRoutes } from './routes/export.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { policyRoutes } from './routes/policies.ts';
import { reportRoutes } from './routes/reports.ts';
import { healthRoutes } from './routes/health.ts';
import { projectRoutes } from './routes/projects.ts';
import { reviewRoutes } from './routes/review.ts';
import { unitRoutes } from './routes/units.ts';
import { workflowRoutes } from './routes/workflow.ts';

export interface ServerOptions {
  db: Db;
  /** Folder of the built web app (vite build); not served when absent. */
  webRoot?: string;
  logger?: boolean;
  /** Mark the session cookie Secure even when the request did not come over https (behind a TLS proxy). */
  secureCookies?: boolean;
  /** Trust X-Forwarded-For / -Proto from a reverse proxy (the login rate limit keys on the client IP). */
  trustProxy?: boolean;
}

export const DEFAULT_WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  useChineseValidationMessages();
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024, trustProxy: options.trustProxy ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // Before every route: the guard refuses to start with an /api route that declares no access.
  await registerAuth(app, options.db);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Jixiao API', description: '预算绩效管理系统 HTTP API (exchange format jixiao/targets@1)', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(summaryRefresh(options.db));

  await app.register(authRoutes(options.db, { secureCookies: options.secureCookies }));
  await app.register(unitRoutes(options.db));
  await app.register(projectRoutes(options.db));
  await app.register(exportRoutes(options.db));
  await app.register(auditRoutes(options.db));
  await app.register(documentRoutes(options.db));
  await app.register(jobRoutes(options.db));
  await app.register(workflowRoutes(options.db));
  await app.register(reviewRoutes(options.db));
  await app.register(policyRoutes(options.db));
  await app.register(evaluationRoutes(options.db));
  await app.register(monitoringRoutes(options.db));
  await app.register(reportRoutes(options.db));
  await app.register(healthRoutes(options.db));
  await serveWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

/** The built SPA at /, with unknown non-API paths falling back to index.html (client routing). */
async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb) {
      return reply.sendFile('index.html');
    }
    const message = hasWeb ? `找不到：${request.method} ${request.url}` : '网页未构建：请先运行 npm run build:web';
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message } });
  });
}
