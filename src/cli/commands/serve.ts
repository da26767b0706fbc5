import { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { type Db, openDatabase, resolveDatabaseOptions } from '../../db/database.ts';
import { buildServer } from '../../server/app.ts';
import { ensureFirstAdmin } from '../../usecases/ensure-first-admin.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('USAGE', `--port 应为 0–65535 的整数（收到“${text}”）`);
  return port;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('启动 API 与网页；空数据库时载入示例单位 / start the API and web app (loads demo data into an empty database)')
    .option('--port <port>', '端口', parsePort, Number(process.env.PORT ?? 3000))
    .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
    .option('--no-demo', '空数据库时不载入示例数据')
    .action(async (options: { port: number; host: string; demo: boolean }) => {
      const dbOptions = resolveDatabaseOptions(process.env);
      const db = await openDatabase(dbOptions);
      if (options.demo && (await loadDemoDataIfEmpty(db))) {
        process.stdout.write('已载入示例数据：711002 秦皇岛市山海关区总工会 2020 年\n');
      }
      await announceFirstAdmin(db);
      const app = await buildServer({ db, logger: false, secureCookies: process.env.JIXIAO_SECURE_COOKIES === '1', trustProxy: process.env.JIXIAO_TRUST_PROXY === '1' });
      const address = await app.listen({ port: options.port, host: options.host });
      const where = dbOptions.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${dbOptions.dataDir ?? ''}`;
      process.stdout.write(`Jixiao 已启动：${address}  数据库：${where}  API 文档：${address}/api/docs\n`);
      await waitForShutdown(async () => {
        await app.close();
        await db.close();
      });
    });
}

/** The first start creates `admin`; a generated password is printed this once and never again. */
async function announceFirstAdmin(db: Db): Promise<void> {
  const admin = await ensureFirstAdmin(db);
  if (!admin) return;
  const shown = admin.generated ? `初始密码：${admin.password}（仅显示这一次，请登录后妥善保存）` : '密码取自 JIXIAO_ADMIN_PASSWORD';
  process.stdout.write(`已创建管理员账号 ${admin.username}，${shown}\n`);
}

function waitForShutdown(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
