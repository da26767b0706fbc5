import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.ts';
// The composition root (with options.ts): opens the database and assembles the server (eslint.config.js).
import { type Db, openDatabase, resolveDatabaseOptions } from '../../db/database.ts';
import { buildServer } from '../../server/app.ts';
import { logLevelFromEnv } from '../../server/logging.ts';
import { metricsFromEnv } from '../../server/metrics.ts';
import { parseTrustProxy } from '../../server/trust-proxy.ts';
import { mailOptionsFromEnv } from '../../server/notification-mail.ts';
import { newControlToken, writeControlFile } from '../control-file.ts';
import { startSummarySweeper } from '../../server/summary-refresh.ts';
import { getInstanceState } from '../../usecases/get-instance-state.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import { SETUP_LINK_HOURS } from '../../domain/session-rules.ts';
import { issueSetupToken } from '../../usecases/issue-setup-token.ts';

/**
 * In-flight requests get this long after SIGTERM/SIGINT before the process gives up on them
 * (JIXIAO_SHUTDOWN_GRACE_SECONDS; a bulk .zip of a city can take a couple of minutes).
 */
function shutdownGraceMs(env: Record<string, string | undefined>): number {
  const seconds = Number(env['JIXIAO_SHUTDOWN_GRACE_SECONDS'] ?? 30);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}
/** How often each server recomputes stale bureau summaries; servers share the work (SKIP LOCKED). */
const SUMMARY_SWEEP_MS = 60_000;

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('USAGE', `--port 应为 0–65535 的整数（收到“${text}”）`);
  return port;
}

/**
 * One stateless app server: sessions, locks, progress and counters all live in the database, so
 * any number of these may run on one PostgreSQL behind a load balancer (docs/scaling.md). With
 * `--port 0` the system picks a free port; the line `Jixiao 已启动：http://…` carries the address.
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('启动 API 与网页（不建任何账号；首个管理员见 jixiao setup） / start the API and web app')
    .option('--port <port>', '端口（0 = 任选空闲端口）', parsePort, Number(process.env.PORT ?? 3000))
    .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
    .option('--demo', '空数据库时载入示例单位与公开密码的示例账号（仅供试用，npm start 使用）', false)
    .action(async (options: { port: number; host: string; demo: boolean }) => {
      const dbOptions = resolveDatabaseOptions(process.env);
      const db = await openDatabase(dbOptions);
      // PGlite: the local `jixiao backup`/`restore` reach the database through this server (control-file.ts).
      const controlToken = dbOptions.dataDir ? newControlToken() : undefined;
      const app = await prepare(db, options.demo, controlToken);
      const address = await listen(app, db, options);
      const removeControlFile =
        dbOptions.dataDir && controlToken
          ? writeControlFile(dbOptions.dataDir, { url: address, token: controlToken, pid: process.pid })
          : () => {};
      const where = dbOptions.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${dbOptions.dataDir ?? ''}`;
      // Before the start line, which tells scripts (and tests) that start-up is complete.
      await announceInstance(db, address);
      process.stdout.write(
        `Jixiao 已启动：${address}  数据库：${where}  API 文档：${address}/api/docs  (pid ${process.pid})\n`,
      );
      const stopSweeper = startSummarySweeper(db, { intervalMs: SUMMARY_SWEEP_MS, onError: reportSweepError });
      await waitForShutdown(async () => {
        removeControlFile();
        await closeServer(app);
        await stopSweeper();
        await db.close();
      });
    });
}

/** A port already taken must end the command, not leave the pool holding the process open. */
async function listen(app: FastifyInstance, db: Db, options: { port: number; host: string }): Promise<string> {
  try {
    return await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    await db.close();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new AppError(
      'USAGE',
      `端口 ${options.port} 已被占用（${options.host}）：换一个 --port，或用 --port 0 任选空闲端口`,
    );
  }
}

async function prepare(db: Db, demo: boolean, controlToken: string | undefined): Promise<FastifyInstance> {
  try {
    if (demo && (await loadDemoDataIfEmpty(db))) {
      process.stdout.write('已载入示例数据：711002 秦皇岛市山海关区总工会 2020 年\n');
    }
    return await buildServer({
      db,
      logger: { level: logLevelFromEnv(process.env) },
      metrics: metricsFromEnv(process.env),
      secureCookies: process.env.JIXIAO_SECURE_COOKIES === '1',
      trustProxy: parseTrustProxy(process.env.JIXIAO_TRUST_PROXY),
      mail: mailOptionsFromEnv(process.env),
      controlToken,
    });
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Stops accepting connections, answers 503 on kept-alive ones and waits for requests under way.
 * Fastify closes the connections idle at that moment; one whose request finishes later would stay
 * open as long as the client (a balancer, a browser) keeps it alive, so those are closed as they
 * fall idle.
 */
async function closeServer(app: FastifyInstance): Promise<void> {
  const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    await app.close();
  } finally {
    clearInterval(closeIdle);
  }
}

function reportSweepError(error: unknown): void {
  process.stderr.write(
    `jixiao: 刷新财政局汇总失败（稍后重试）：${error instanceof Error ? error.message : String(error)}\n`,
  );
}

/**
 * Creates no account. While there is no administrator, prints a one-time setup link (valid
 * SETUP_LINK_HOURS, used once) — whoever reads this console is whoever runs the server; and says
 * plainly when the database holds the demo's accounts, whose passwords are public.
 */
async function announceInstance(db: Db, address: string): Promise<void> {
  const state = await getInstanceState(db);
  if (state.demo)
    process.stdout.write('注意：此数据库载入了示例数据，示例账号的密码是公开的（README），不要用于正式数据\n');
  const setup = await issueSetupToken(db);
  if (!setup) return;
  process.stdout.write(
    `尚无管理员账号。请在 ${SETUP_LINK_HOURS} 小时内打开一次性设置链接创建管理员：${setupLinkUrl(address, setup.token)}\n` +
      '（或在服务器上运行 jixiao setup）\n',
  );
}

/** The address to print: a listening address of 0.0.0.0 or :: is not one a browser can open. */
function setupLinkUrl(address: string, token: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  return `${url.origin}/setup#token=${token}`;
}

/**
 * Resolves once `close` has run after SIGTERM or SIGINT. A second signal, or requests still running
 * after the grace period, end the process at once (exit code 1) rather than hang a deployment.
 */
function waitForShutdown(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const force = () => process.exit(1);
    const stop = (signal: NodeJS.Signals) => {
      for (const name of SIGNALS) process.off(name, stop).once(name, force);
      process.stdout.write(`收到 ${signal}：停止接受新请求，等待进行中的请求完成…\n`);
      const graceMs = shutdownGraceMs(process.env);
      const timer = setTimeout(() => {
        process.stderr.write(`jixiao: ${graceMs / 1000} 秒内请求未能完成，强制退出\n`);
        process.exit(1);
      }, graceMs);
      timer.unref();
      close().then(() => {
        clearTimeout(timer);
        for (const name of SIGNALS) process.off(name, force);
        process.stdout.write('Jixiao 已停止\n');
        resolve();
      }, reject);
    };
    for (const name of SIGNALS) process.on(name, stop);
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
