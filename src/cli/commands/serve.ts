import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import { type Db, openDatabase, resolveDatabaseOptions } from '../../db/database.ts';
import { buildServer } from '../../server/app.ts';
import { startSummarySweeper } from '../../server/summary-refresh.ts';
import { ensureFirstAdmin } from '../../usecases/ensure-first-admin.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';

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
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('USAGE', `--port 应为 0–65535 的整数（收到“${text}”）`);
  return port;
}

/**
 * One stateless app server: sessions, locks, progress and counters all live in the database, so
 * any number of these may run on one PostgreSQL behind a load balancer (docs/scaling.md). With
 * `--port 0` the system picks a free port; the line `Jixiao 已启动：http://…` carries the address.
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('启动 API 与网页；空数据库时载入示例单位 / start the API and web app (loads demo data into an empty database)')
    .option('--port <port>', '端口（0 = 任选空闲端口）', parsePort, Number(process.env.PORT ?? 3000))
    .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
    .option('--no-demo', '空数据库时不载入示例数据')
    .action(async (options: { port: number; host: string; demo: boolean }) => {
      const dbOptions = resolveDatabaseOptions(process.env);
      const db = await openDatabase(dbOptions);
      const app = await prepare(db, options.demo);
      const address = await listen(app, db, options);
      const where = dbOptions.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${dbOptions.dataDir ?? ''}`;
      process.stdout.write(`Jixiao 已启动：${address}  数据库：${where}  API 文档：${address}/api/docs  (pid ${process.pid})\n`);
      const stopSweeper = startSummarySweeper(db, { intervalMs: SUMMARY_SWEEP_MS, onError: reportSweepError });
      await waitForShutdown(async () => {
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
    throw new AppError('USAGE', `端口 ${options.port} 已被占用（${options.host}）：换一个 --port，或用 --port 0 任选空闲端口`);
  }
}

async function prepare(db: Db, demo: boolean): Promise<FastifyInstance> {
  try {
    if (demo && (await loadDemoDataIfEmpty(db))) {
      process.stdout.write('已载入示例数据：711002 秦皇岛市山海关区总工会 2020 年\n');
    }
    await announceFirstAdmin(db);
    return await buildServer({ db, logger: false, secureCookies: process.env.JIXIAO_SECURE_COOKIES === '1', trustProxy: process.env.JIXIAO_TRUST_PROXY === '1' });
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
  process.stderr.write(`jixiao: 刷新财政局汇总失败（稍后重试）：${error instanceof Error ? error.message : String(error)}\n`);
}

/** The first start creates `admin`; a generated password is printed this once and never again. */
async function announceFirstAdmin(db: Db): Promise<void> {
  const admin = await ensureFirstAdmin(db);
  if (!admin) return;
  const shown = admin.generated ? `初始密码：${admin.password}（仅显示这一次，请登录后妥善保存）` : '密码取自 JIXIAO_ADMIN_PASSWORD';
  process.stdout.write(`已创建管理员账号 ${admin.username}，${shown}\n`);
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
