import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabaseUrl } from '../../test/db-engines.ts';
import { openDatabase } from '../db/database.ts';
import { migrationProvider } from '../db/migrations/index.ts';

/**
 * Two real `jixiao serve` processes on one PostgreSQL, as behind a load balancer: started at the
 * same moment on an empty database with `--demo` (both migrate, only one loads the demo; each prints
 * a setup link, and the first administrator made through one voids the other), a
 * session opened on one works on the other, and concurrent writes through both lose nothing.
 */
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const ADMIN_PASSWORD = 'multi-server-root-2020';
const UNIT = '/api/units/711002/years/2020';
/** The four demo projects with a spending plan (load-demo-monitoring.ts). */
const PROJECTS = ['711-0701-JBN-PGN6', '711-0403-JBN-3EQS', '711-0403-JBN-MQNI', '711-0701-YSN-2UE1'];
const RACED = PROJECTS[0]!;

interface Server {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

const target = inject('postgresTarget');
const skipped =
  target.kind === 'skipped' ? ` — SKIPPED: ${target.reason} (needs PostgreSQL: PGlite is one process)` : '';

describe.skipIf(target.kind === 'skipped')(`two jixiao serve processes on one PostgreSQL${skipped}`, () => {
  let databaseUrl = '';
  let a: Server;
  let b: Server;
  let client: pg.Client;
  let admin: Session;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl();
    // Both at once on the empty database: migrations, the demo load and `admin` race here.
    [a, b] = await Promise.all([startServer(databaseUrl, started), startServer(databaseUrl, started)]);
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const created = await postSetup(a, setupTokenOf(a), 'admin');
    if (created.status !== 201)
      throw new Error(`setup through ${a.url} failed: ${created.status} ${await created.text()}`);
    admin = await signIn(a, 'admin', ADMIN_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await Promise.all(started.map((child) => stopChild(child)));
  });

  it('starting together, both migrate; exactly one loads the demo; the first administrator is made once', async () => {
    const outputs = [a.stdout(), b.stdout()];
    expect(outputs.filter((text) => text.includes('已载入示例数据'))).toHaveLength(1);
    // Neither server created an account of its own accord; each offered a setup link.
    expect(outputs.filter((text) => text.includes('setup#token='))).toHaveLength(2);
    // a's link made the administrator: b's link is void now.
    expect((await postSetup(b, setupTokenOf(b), 'another-admin')).status).toBe(403);
    const counts = await client.query<{ units: number; admins: number; imports: number }>(`
      select (select count(*)::int from units) as units,
             (select count(*)::int from users where role = 'admin') as admins,
             (select count(*)::int from audit_log where action = 'import-targets') as imports`);
    expect(counts.rows[0]).toEqual({ units: 1, admins: 1, imports: 1 });
    for (const server of [a, b]) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('two pools migrating another empty database at the same moment both succeed, each migration applied once', async () => {
    const url = await freshDatabaseUrl();
    const opened = await Promise.all([openDatabase({ databaseUrl: url }), openDatabase({ databaseUrl: url })]);
    const expected = Object.keys(await migrationProvider.getMigrations()).length;
    try {
      const { rows } = await sql<{ n: number; distinct: number }>`
        select count(*)::int as n, count(distinct name)::int as distinct from kysely_migration`.execute(
        opened[0].kysely,
      );
      expect(rows[0]).toEqual({ n: expected, distinct: expected });
    } finally {
      await Promise.all(opened.map((db) => db.close()));
    }
  });

  it('a session opened on A works on B, reads and writes with the same cookie and CSRF token', async () => {
    const targets = await call(b, admin, 'GET', `${UNIT}/targets`);
    expect(targets.status).toBe(200);
    expect(((await targets.json()) as { unit: { code: string } }).unit.code).toBe('711002');
    const read = await call(b, admin, 'GET', `${UNIT}/projects/${PROJECTS[1]}`);
    const { project, version } = (await read.json()) as { project: Record<string, unknown>; version: number };
    const edited = await call(
      b,
      admin,
      'PUT',
      `${UNIT}/projects/${PROJECTS[1]}`,
      { ...project, purpose: '经 B 修改' },
      `"${version}"`,
    );
    expect(edited.status).toBe(200);
    const seenOnA = (await (await call(a, admin, 'GET', `${UNIT}/projects/${PROJECTS[1]}`)).json()) as {
      project: { purpose: string };
      version: number;
    };
    expect(seenOnA).toMatchObject({ project: { purpose: '经 B 修改' }, version: version + 1 });
  });

  it('50 concurrent spending writes, half through each server, are all stored (a stale one gets 409, reads again, retries)', async () => {
    // 4 projects × 12 months of 其他资金, then two 财政资金 months: 50 distinct cells, distinct amounts.
    const writes = Array.from({ length: 50 }, (_, i) => ({
      projectCode: PROJECTS[i % 4]!,
      month: 1 + (Math.floor(i / 4) % 12),
      source: i < 48 ? 'other' : 'fiscal',
      amount: `${1000 + i}.${String(i).padStart(2, '0')}`,
    }));
    // Each write names the project's monitoring version it read (decision 023): writers of one project race.
    const statuses = await Promise.all(
      writes.map(async (w, i) => {
        const server = i % 2 ? b : a;
        for (let attempt = 0; attempt < 60; attempt += 1) {
          const view = (await (await call(server, admin, 'GET', `${UNIT}/monitoring`)).json()) as {
            projects: { code: string; version: number }[];
          };
          const version = view.projects.find((p) => p.code === w.projectCode)!.version;
          const response = await call(
            server,
            admin,
            'PUT',
            `${UNIT}/monitoring/projects/${w.projectCode}/spending`,
            {
              entries: [{ month: w.month, source: w.source, amount: w.amount }],
            },
            `"${version}"`,
          );
          if (response.status !== 409) return response.status;
        }
        return 409;
      }),
    );
    expect(statuses).toEqual(writes.map(() => 204));
    const stored = await client.query<{ key: string; amount: string }>(
      `select project_code || '/' || month || '/' || source as key, amount::text as amount from monitoring_spending`,
    );
    const byKey = new Map(stored.rows.map((row) => [row.key, row.amount]));
    for (const w of writes) expect(byKey.get(`${w.projectCode}/${w.month}/${w.source}`)).toBe(w.amount);
    const audited = await client.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'record-spending' and actor_name = 'admin'`,
    );
    expect(audited.rows[0]!.n).toBe(50);
  });

  it('edits racing on one project through A and B: one wins each round, the loser gets 409 and retries; nothing is lost', async () => {
    const rounds = 10;
    const start = await readProject(a, admin, RACED);
    const auditBefore = await countProjectAudits(client, RACED);
    let conflicts = 0;
    for (let round = 0; round < rounds; round += 1) {
      // Both read the same version, then write at once: If-Match lets exactly one through.
      const { version, project } = await readProject(a, admin, RACED);
      const first = await Promise.all(
        [a, b].map((server, i) =>
          call(
            server,
            admin,
            'PUT',
            `${UNIT}/projects/${RACED}`,
            { ...project, purpose: `第 ${round} 轮 ${'AB'[i]}` },
            `"${version}"`,
          ),
        ),
      );
      const statuses = first.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      conflicts += 1;
      // The loser reads again and retries on the other server until its edit is applied.
      const loser = first[0]!.status === 409 ? 0 : 1;
      await applyWithRetry([a, b][1 - loser]!, admin, RACED, `第 ${round} 轮 ${'AB'[loser]}`);
    }
    const end = await readProject(b, admin, RACED);
    expect(conflicts).toBe(rounds);
    expect(end.version).toBe(start.version + 2 * rounds);
    expect(await countProjectAudits(client, RACED)).toBe(auditBefore + 2 * rounds);
  });

  it('signing out on B ends the session on A', async () => {
    const session = await signIn(a, 'admin', ADMIN_PASSWORD);
    expect((await call(a, session, 'GET', `${UNIT}/targets`)).status).toBe(200);
    expect((await call(b, session, 'DELETE', '/api/session')).status).toBe(204);
    expect((await call(a, session, 'GET', `${UNIT}/targets`)).status).toBe(401);
  });

  it('wrong passwords on A and B add up to one lockout', async () => {
    const statuses: number[] = [];
    for (const server of [a, b, a, b, a]) statuses.push((await postSession(server, 'sj', 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    // The right password is refused on either server while the lock lasts.
    expect((await postSession(b, 'sj', 'demo-sj-2020')).status).toBe(423);
  });

  it('SIGTERM stops a server cleanly: the request under way is answered, the other server keeps serving', async () => {
    // A .docx takes a while to render: the signal arrives while the server is still on it.
    const underWay = call(a, admin, 'GET', `${UNIT}/export.docx`);
    await new Promise((r) => setTimeout(r, 50));
    a.child.kill('SIGTERM');
    const response = await underWay;
    expect(response.status).toBe(200);
    // A .docx is a zip: its first bytes are the zip signature.
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(await exitCodeOf(a.child)).toBe(0);
    expect(a.stdout()).toContain('Jixiao 已停止');
    expect((await fetch(`${b.url}/api/health`)).status).toBe(200);
    // Nothing either server did in the background (the summary sweeper, shared by both) failed.
    expect([a.stderr(), b.stderr()]).toEqual(['', '']);
  }, 60_000);
});

function startServer(databaseUrl: string, started: ChildProcess[]): Promise<Server> {
  const child = spawn(process.execPath, [resolve(REPO_ROOT, 'bin/jixiao.js'), 'serve', '--demo', '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    const timer = setInterval(() => {
      const address = /已启动：(http:\/\/\S+)/.exec(stdout)?.[1];
      if (!address) return;
      clearInterval(timer);
      resolvePromise({ child, url: address, stdout: () => stdout, stderr: () => stderr });
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`jixiao serve exited with ${code} before listening:\n${stdout}\n${stderr}`));
    });
  });
}

async function exitCodeOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function setupTokenOf(server: Server): string {
  const token = /setup#token=([A-Za-z0-9_-]+)/.exec(server.stdout())?.[1];
  if (!token) throw new Error(`no setup link printed:\n${server.stdout()}`);
  return token;
}

function postSetup(server: Server, token: string, username: string): Promise<Response> {
  return fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, username, password: ADMIN_PASSWORD }),
  });
}

function postSession(server: Server, username: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

async function signIn(server: Server, username: string, password: string): Promise<Session> {
  const response = await postSession(server, username, password);
  if (response.status !== 200)
    throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('jixiao_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no jixiao_session cookie');
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

function call(
  server: Server,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string,
): Promise<Response> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch) headers['if-match'] = ifMatch;
  return fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function readProject(
  server: Server,
  session: Session,
  code: string,
): Promise<{ project: Record<string, unknown>; version: number }> {
  const response = await call(server, session, 'GET', `${UNIT}/projects/${code}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { project: Record<string, unknown>; version: number };
}

async function applyWithRetry(server: Server, session: Session, code: string, purpose: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { project, version } = await readProject(server, session, code);
    const response = await call(
      server,
      session,
      'PUT',
      `${UNIT}/projects/${code}`,
      { ...project, purpose },
      `"${version}"`,
    );
    if (response.status === 200) return;
    expect(response.status).toBe(409);
  }
  throw new Error(`edit "${purpose}" not applied after 5 attempts`);
}

async function countProjectAudits(client: pg.Client, code: string): Promise<number> {
  const result = await client.query<{ n: number }>(
    `select count(*)::int as n from audit_log where action = 'update-project' and entity_key = $1`,
    [code],
  );
  return result.rows[0]!.n;
}
