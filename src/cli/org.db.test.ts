import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

describe('jixiao org', () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { JIXIAO_DATA: await migratedPgliteDir('jixiao-cli-org-'), DATABASE_URL: '' };
  });
  afterAll(async () => {
    await rm(env.JIXIAO_DATA!, { recursive: true, force: true });
  });

  it('adds, renames, moves, deactivates and reactivates, and lists the tree', async () => {
    // The first call runs the real bin; the others run in this process (decision 026).
    const ok = async (args: string[], run = cli) => {
      const result = await run(['org', ...args], env);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code).toBe(0);
      return result.stdout;
    };
    expect(await ok(['add', '--code', 'SHG-CZJ', '--name', '山海关区财政局', '--kind', 'bureau'], runCli)).toBe(
      '已新增财政局 SHG-CZJ 山海关区财政局\n',
    );
    await ok(['add', '--code', '711', '--name', '总工会', '--kind', 'department', '--parent', 'SHG-CZJ']);
    await ok(['add', '--code', '712', '--name', '教育局', '--kind', 'department', '--parent', 'SHG-CZJ']);
    await ok(['add', '--code', '711002', '--name', '山海关区总工会', '--kind', 'unit', '--parent', '711']);
    await ok(['rename', '--code', '711', '--name', '山海关区总工会（部门）']);
    await ok(['move', '--code', '711002', '--parent', '712']);
    expect(await ok(['deactivate', '--code', '711'])).toContain('（已停用）');
    expect(await ok(['list'])).toBe(
      [
        'SHG-CZJ\t山海关区财政局\t财政局',
        '  711\t山海关区总工会（部门）\t主管部门\t已停用',
        '  712\t教育局\t主管部门',
        '    711002\t山海关区总工会\t预算单位',
        '',
      ].join('\n'),
    );
    await ok(['activate', '--code', '711']);
    const json = JSON.parse(await ok(['list', '--format', 'json', '--active'])) as { code: string; version: number }[];
    expect(json.map((n) => `${n.code}@${n.version}`)).toEqual(['SHG-CZJ@1', '711@4', '712@1', '711002@2']);
  }, 600_000);

  it('refuses hostile codes and wrong placements with exit code 1, naming the option', async () => {
    for (const [args, text] of [
      [['org', 'add', '--code', '../x', '--name', 'x', '--kind', 'bureau'], '--code'],
      [['org', 'move', '--code', '711002', '--parent', 'a/b'], '--parent'],
      [['export', '--unit', `${'7'.repeat(41)}`, '--year', '2020'], '--unit'],
      [['review', '--unit', '单位', '--year', '2020'], '--unit'],
      [
        ['org', 'add', '--code', '713', '--name', '部门', '--kind', 'department', '--parent', '711002'],
        '单位之下不能再有机构',
      ],
    ] as [string[], string][]) {
      const result = await cli(args, env);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(text);
    }
  }, 300_000);
});
