import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.ts';
import { ensureBenchUser, sampleProject, signInHttp } from './lib/http.ts';
import { formatHotFunctions, formatStatements, profileCpu, resetStatements, slowestStatements } from './lib/profile.ts';
import type { Benchmark, BenchResult } from './lib/types.ts';

/**
 * One project's target table (GET /api/units/:unitCode/years/:year/projects/:projectCode) at 64
 * connections, against a hello-world route added to the same Fastify setup, both with a real
 * session cookie. autocannon runs in a child process: in this process it would share the one
 * JavaScript thread with the server it measures; as a child it gets the second core, as a real
 * client would.
 */

const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const CONNECTIONS = 64;
const GOAL_RATIO = 0.4;

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, cookie: string, seconds: number): Promise<LoadResult> {
  const { stdout } = await run(
    process.execPath,
    [AUTOCANNON, '-c', String(CONNECTIONS), '-d', String(seconds), '-j', '-H', `cookie=${cookie}`, url],
    {
      maxBuffer: 64 * 1024 * 1024,
      timeout: (seconds + 60) * 1000,
    },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function startServer(
  db: Parameters<typeof buildServer>[0]['db'],
): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildServer({ db, webRoot: '/nonexistent' });
  // The baseline: Fastify's hello world in the same setup (plugins, hooks, serializers).
  app.get('/bench/hello', { config: { access: 'public' } }, () => ({ hello: 'world' }));
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl };
}

export const benchmark: Benchmark = {
  id: 'api',
  title: "API: one project's target table",
  async run(ctx): Promise<BenchResult[]> {
    const { url: dbUrl, db } = await ctx.cityDatabase();
    const year = ctx.scale.fiscalYear;
    const sample = await sampleProject(db, year);
    const user = await ensureBenchUser(db, 'unit', sample.unitCode);
    const { app, baseUrl } = await startServer(db);
    try {
      const cookie = await signInHttp(baseUrl, user.username, user.password);
      const projectUrl = `${baseUrl}/api/units/${encodeURIComponent(sample.unitCode)}/years/${year}/projects/${encodeURIComponent(sample.projectCode)}`;
      const check = await fetch(projectUrl, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`GET ${projectUrl} answered ${check.status}: ${await check.text()}`);
      const bytes = (await check.arrayBuffer()).byteLength;
      const seconds = ctx.scale.units >= 1000 ? 10 : 5;
      ctx.log(
        `api: ${projectUrl} (${bytes} bytes), ${CONNECTIONS} connections, ${seconds} s each, autocannon in a child process`,
      );
      await load(`${baseUrl}/bench/hello`, cookie, 2); // warm-up, both routes
      await load(projectUrl, cookie, 2);
      const hello = await load(`${baseUrl}/bench/hello`, cookie, seconds);
      await resetStatements(dbUrl);
      const project = await load(projectUrl, cookie, seconds);
      const statements = await slowestStatements(dbUrl, 12);
      // Round trips only: the read's query inside its PL/pgSQL function is counted (and timed) by the call.
      const sent = statements.filter((s) => s.toplevel);
      const perRequest = sent.reduce((sum, s) => sum + s.calls, 0) / Math.max(1, project.requests);
      const sqlMsPerRequest = sent.reduce((sum, s) => sum + s.totalMs, 0) / Math.max(1, project.requests);
      if (project.non2xx > 0 || project.errors > 0)
        throw new Error(`project route: ${project.non2xx} non-2xx answers, ${project.errors} errors under load`);
      const ratio = project.requestsPerSecond / hello.requestsPerSecond;
      const met = ratio >= GOAL_RATIO;
      const result: BenchResult = {
        id: 'api',
        title: "API: one project's target table",
        figures: {
          'requests per second': { value: project.requestsPerSecond, unit: 'req/s' },
          'p50 latency': { value: project.p50, unit: 'ms' },
          'p99 latency': { value: project.p99, unit: 'ms' },
          'hello-world p99 latency': { value: hello.p99, unit: 'ms' },
          'SQL statements per request': { value: perRequest, unit: 'statements' },
          'SQL execution per request': { value: sqlMsPerRequest, unit: 'ms' },
          'response size': { value: bytes, unit: 'bytes' },
        },
        baseline: {
          name: 'Fastify hello-world route, same setup, same cookie',
          value: hello.requestsPerSecond,
          unit: 'req/s',
        },
        ratio,
        goal: { description: `≥ ${GOAL_RATIO} of hello-world req/s at ${CONNECTIONS} connections (p99 reported)`, met },
      };
      const sql = `SQL during the project run (${project.requests} requests, ${perRequest.toFixed(1)} statements each), by total time:\n${formatStatements(statements)}`;
      if (!met) {
        const { top, idlePercent } = await profileCpu(() => load(projectUrl, cookie, Math.min(seconds, 5)));
        result.profile =
          `Server CPU profile during a ${Math.min(seconds, 5)} s run (this process; idle, i.e. waiting on PostgreSQL or the CPU, ${idlePercent.toFixed(0)}%), ` +
          `top self time:\n${formatHotFunctions(top)}\n\n${sql}`;
        result.plan =
          `PostgreSQL executes a request's SQL in ${sqlMsPerRequest.toFixed(2)} ms over ${perRequest.toFixed(0)} round trips: the session ` +
          '(a join of sessions and users, sent as fixed SQL but parsed and planned by PostgreSQL on every request) and the read ' +
          '(the PL/pgSQL function project_with_details, whose plan is kept per connection); a unit user on its own unit needs no organisation query. ' +
          'The rest is Node CPU: socket writes, pg row parsing (json_agg columns), zod params validation, JSON serialization (see the ' +
          'profile). Next: a kept plan for the session lookup too (a function or a named prepared statement), and the project answer ' +
          'built as JSON text by PostgreSQL and sent as is, without parse and re-serialization.';
      } else {
        result.profile = sql;
      }
      return [result];
    } finally {
      await app.close();
    }
  },
};
