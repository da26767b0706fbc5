import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../../test/cli.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

/** The CLI with text on its standard input (runCli closes stdin). */
function runCliWithInput(
  args: string[],
  input: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'bin/jixiao.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('jixiao user', () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { JIXIAO_DATA: await migratedPgliteDir('jixiao-cli-user-'), DATABASE_URL: '' };
  });
  afterAll(async () => {
    await rm(env.JIXIAO_DATA!, { recursive: true, force: true });
  });

  it('adds an admin with the password from stdin, refuses a duplicate and a bad role, and lists users', async () => {
    const added = await runCliWithInput(
      ['user', 'add', '--username', 'root2', '--role', 'admin', '--password-stdin'],
      'a-long-password\n',
      env,
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('已创建用户 root2（admin）\n');
    const again = await runCli(
      ['user', 'add', '--username', 'root2', '--role', 'admin', '--password', 'another-password'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('用户名 root2 已存在');
    const noOrg = await runCli(
      ['user', 'add', '--username', 'x1', '--role', 'bureau', '--org', 'NOPE', '--password', 'long-enough'],
      env,
    );
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('财政局');
    const badRole = await runCli(
      ['user', 'add', '--username', 'x2', '--role', 'boss', '--password', 'long-enough'],
      env,
    );
    expect(badRole.code).toBe(2);
    const listed = await runCli(['user', 'list', '--format', 'json'], env);
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        username: 'root2',
        displayName: 'root2',
        role: 'admin',
        orgCode: '',
        disabled: false,
        mustChangePassword: false,
        lastSignInAt: null,
      },
    ]);
    const weak = await runCli(
      ['user', 'add', '--username', 'x3', '--role', 'admin', '--password', 'password1234'],
      env,
    );
    expect([weak.code, weak.stderr]).toEqual([1, expect.stringContaining('最常见')]);
  }, 120_000);

  it("sets a user's display name, disables, resets to a one-time password and sets a chosen one", async () => {
    await runCli(['user', 'add', '--username', 'ops', '--role', 'admin', '--password', 'harbour-lights-9'], env);
    const set = await runCli(['user', 'set', 'ops', '--display-name', '运维'], env);
    expect([set.code, set.stdout]).toEqual([0, '已更新用户 ops（admin · 运维）\n']);
    expect((await runCli(['user', 'set', 'ops'], env)).code).toBe(2);
    expect((await runCli(['user', 'disable', 'ops'], env)).stdout).toBe('已停用用户 ops\n');
    const reset = await runCli(['user', 'reset-password', 'ops'], env);
    expect(reset.stdout).toMatch(/^用户 ops 的一次性密码：[a-z2-9]{4}(-[a-z2-9]{4}){3}\n/);
    const weak = await runCliWithInput(['user', 'passwd', 'ops', '--password-stdin'], 'short\n', env);
    expect([weak.code, weak.stderr]).toEqual([1, expect.stringContaining('至少 10 个字符')]);
    const passwd = await runCliWithInput(['user', 'passwd', 'ops', '--password-stdin'], 'harbour-lights-10\n', env);
    expect([passwd.code, passwd.stderr]).toEqual([0, '']);
    const listed = JSON.parse((await runCli(['user', 'list', '--format', 'json'], env)).stdout) as {
      username: string;
    }[];
    expect(listed.find((u) => u.username === 'ops')).toMatchObject({
      displayName: '运维',
      disabled: true,
      mustChangePassword: false,
    });
  }, 300_000);
});
