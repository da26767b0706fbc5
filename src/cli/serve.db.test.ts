import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT, runCli } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { freshDatabaseUrl } from '../../test/db-engines.ts';

/**
 * The real `jixiao` on both engines, as an IT office would run it: `serve` on an empty database
 * creates no account and no demo and prints a one-time setup link; `setup` reads the password from
 * stdin; `demo` loads the demo; `backup` and `restore` work while the server runs (on PGlite through
 * the server, which holds the data directory). The servers and the first `setup` are real processes; the
 * other commands run in this process (decision 026): on PGlite they still meet the server's lock, as a
 * second process would, since the lock names the server's pid.
 */
interface Server {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

function serve(env: Record<string, string | undefined>, extra: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/jixiao.js'), 'serve', '--port', '0', ...extra], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const url = /已启动：(http:\/\/\S+)/.exec(stdout)?.[1];
      // The start line comes last, after the setup link (if any).
      if (!url) return;
      clearInterval(timer);
      resolve({ child, url, stdout: () => stdout });
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

const target = inject('postgresTarget');
const engines: { name: string; env: () => Promise<Record<string, string>> }[] = [
  {
    name: 'PGlite',
    env: async () => ({ JIXIAO_DATA: await mkdtemp(join(tmpdir(), 'jixiao-serve-')), DATABASE_URL: '' }),
  },
  ...(target.kind === 'skipped'
    ? []
    : [{ name: 'PostgreSQL', env: async () => ({ DATABASE_URL: await freshDatabaseUrl() }) }]),
];
const PASSWORD = 'granite-harbour-lamp-73';

for (const engine of engines) {
  describe(`jixiao serve / setup / demo / backup / restore [${engine.name}]`, () => {
    let env: Record<string, string> = {};
    let server: Server | undefined;
    const dirs: string[] = [];

    beforeAll(async () => {
      env = await engine.env();
      if (env.JIXIAO_DATA) dirs.push(env.JIXIAO_DATA);
      dirs.push(await mkdtemp(join(tmpdir(), 'jixiao-backups-')));
    });
    afterAll(async () => {
      if (server) await stop(server);
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });

    it('serve on an empty database creates no account and no demo, and prints a one-time setup link', async () => {
      server = await serve(env);
      expect(server.stdout()).not.toMatch(/初始密码|示例数据/);
      const link = /(http:\/\/\S+\/setup#token=([A-Za-z0-9_-]+))/.exec(server.stdout());
      expect(link).not.toBeNull();
      expect(await (await fetch(`${server.url}/api/instance`)).json()).toEqual({ demo: false, needsSetup: true });
      // No published password opens it.
      for (const [username, password] of [
        ['admin', 'admin'],
        ['zgh', 'demo-zgh-2020'],
        ['czj', 'demo-czj-2020'],
      ]) {
        const response = await fetch(`${server.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
        expect(response.status, username).toBe(401);
      }
    }, 120_000);

    it('backup works while the server runs, and restore --force puts it back', async () => {
      const file = join(dirs.at(-1)!, 'empty.zip');
      const backup = await cli(['backup', '--out', file], env);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain(engine.name === 'PGlite' ? '经由运行中的服务' : 'PostgreSQL');
      const restore = await cli(['restore', file], env);
      // The server wrote a setup token: the database is not empty, so restore wants --force.
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('--force');
      expect((await cli(['restore', file, '--force'], env)).code).toBe(0);
    }, 120_000);

    it('setup with --password-stdin creates the administrator; a second setup is refused', async () => {
      await stop(server!);
      server = undefined;
      const created = await runCli(['setup', '--username', 'it-office', '--password-stdin'], env, `${PASSWORD}\n`);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const again = await cli(['setup', '--username', 'other', '--password-stdin'], env, `${PASSWORD}\n`);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('已有管理员');
      const users = await cli(['user', 'list', '--format', 'json'], env);
      expect(
        (JSON.parse(users.stdout) as { username: string; role: string }[]).map((u) => [u.username, u.role]),
      ).toEqual([['it-office', 'admin']]);
    }, 120_000);

    it('demo loads the demo into an empty database only; serve then says so and prints no setup link', async () => {
      const demo = await cli(['demo'], env);
      expect(demo.code).toBe(0);
      expect((await cli(['demo'], env)).code).toBe(1);
      server = await serve(env);
      expect(server.stdout()).toContain('示例账号的密码是公开的');
      expect(server.stdout()).not.toContain('setup#token=');
      expect(await (await fetch(`${server.url}/api/instance`)).json()).toEqual({ demo: true, needsSetup: false });
    }, 120_000);
  });
}
