import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FILE } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

/** `jixiao import --dry-run` and `--unit` end to end (the use-case cases are in import-by-name.db.test.ts). */
describe('jixiao import --dry-run / --unit', () => {
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    env = { JIXIAO_DATA: await migratedPgliteDir('jixiao-cli-dry-'), DATABASE_URL: '' };
    dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-dry-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(env.JIXIAO_DATA!, { recursive: true, force: true });
  });

  it('prints the unit found by name and what would be stored, stores nothing, then imports with --unit', async () => {
    expect((await cli(['import', SEED_FILE, '--year', '2020'], env)).code).toBe(0);
    const { unit: _unit, ...rest } = seedDocument();
    const file = join(dir, 'no-code.json');
    await writeFile(file, JSON.stringify({ ...rest, unit: { name: '秦皇岛市 山海关区总工会' } }));

    const dry = await cli(['import', file, '--year', '2021', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('单位：711002 秦皇岛市山海关区总工会（按单位名称匹配）');
    expect(dry.stdout).toContain('将导入 2021 年绩效目标：4 个项目，12 个指标');
    expect(dry.stdout).toContain('未写入数据库');
    const years = await cli(['export', '--unit', '711002', '--year', '2021', '--format', 'json'], env);
    expect(years.code).toBe(1);

    await writeFile(file, JSON.stringify({ ...rest, unit: { name: '山海关区总工会' } }));
    const refused = await cli(['import', file, '--year', '2021'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('711002 秦皇岛市山海关区总工会');
    const given = await cli(['import', file, '--year', '2021', '--unit', '711002'], env);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('已导入 711002 2021 年：4 个项目，12 个指标');
  });
});
