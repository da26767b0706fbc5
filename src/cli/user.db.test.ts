import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

describe('jixiao user', () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { JIXIAO_DATA: await migratedPgliteDir('jixiao-cli-user-'), DATABASE_URL: '' };
  });
  afterAll(async () => {
    await rm(env.JIXIAO_DATA!, { recursive: true, force: true });
  });

  it('adds an admin with the password from stdin, refuses a duplicate and a bad role, and lists users', async () => {
    // The real bin with the password on its standard input; the other calls run in this process (decision 026).
    const added = await runCli(
      ['user', 'add', '--username', 'root2', '--role', 'admin', '--password-stdin'],
      env,
      'a-long-password\n',
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('已创建用户 root2（admin）\n');
    const again = await cli(
      ['user', 'add', '--username', 'root2', '--role', 'admin', '--password', 'another-password'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('用户名 root2 已存在');
    const noOrg = await cli(
      ['user', 'add', '--username', 'x1', '--role', 'bureau', '--org', 'NOPE', '--password', 'long-enough'],
      env,
    );
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('财政局');
    const badRole = await cli(['user', 'add', '--username', 'x2', '--role', 'boss', '--password', 'long-enough'], env);
    expect(badRole.code).toBe(2);
    const listed = await cli(['user', 'list', '--format', 'json'], env);
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
    const weak = await cli(['user', 'add', '--username', 'x3', '--role', 'admin', '--password', 'password1234'], env);
    expect([weak.code, weak.stderr]).toEqual([1, expect.stringContaining('最常见')]);
  }, 120_000);

  it("sets a user's display name, disables, resets to a one-time password and sets a chosen one", async () => {
    await cli(['user', 'add', '--username', 'ops', '--role', 'admin', '--password', 'harbour-lights-9'], env);
    const set = await cli(['user', 'set', 'ops', '--display-name', '运维'], env);
    expect([set.code, set.stdout]).toEqual([0, '已更新用户 ops（admin · 运维）\n']);
    expect((await cli(['user', 'set', 'ops'], env)).code).toBe(2);
    expect((await cli(['user', 'disable', 'ops'], env)).stdout).toBe('已停用用户 ops\n');
    const reset = await cli(['user', 'reset-password', 'ops'], env);
    expect(reset.stdout).toMatch(/^用户 ops 的一次性密码：[a-z2-9]{4}(-[a-z2-9]{4}){3}\n/);
    const weak = await cli(['user', 'passwd', 'ops', '--password-stdin'], env, 'short\n');
    expect([weak.code, weak.stderr]).toEqual([1, expect.stringContaining('至少 10 个字符')]);
    const passwd = await cli(['user', 'passwd', 'ops', '--password-stdin'], env, 'harbour-lights-10\n');
    expect([passwd.code, passwd.stderr]).toEqual([0, '']);
    const listed = JSON.parse((await cli(['user', 'list', '--format', 'json'], env)).stdout) as {
      username: string;
    }[];
    expect(listed.find((u) => u.username === 'ops')).toMatchObject({
      displayName: '运维',
      disabled: true,
      mustChangePassword: false,
    });
  }, 300_000);
});
