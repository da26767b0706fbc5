import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { freshDatabaseUrl } from '../../test/db-engines.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

/**
 * The first test runs the real bin; the other calls run in this process (decision 026). Generating and a first start
 * on an empty PGlite directory (--into-db) take seconds on a shared, loaded machine.
 */
const SLOW = 300_000;

describe('jixiao generate', () => {
  let dir: string;
  let data: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-gen-files-'));
    data = await migratedPgliteDir('jixiao-gen-data-');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  });

  it(
    'writes a directory that `jixiao import` and `jixiao score` read, with progress on stderr',
    async () => {
      const out = join(dir, 'city');
      const result = await runCli([
        'generate',
        '--units',
        '2',
        '--projects-per-unit',
        '3',
        '--seed',
        '5',
        '--out',
        out,
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^已生成 2 个单位、6 个项目、\d+ 个指标（种子 5，2020 年度），写入 /);
      expect(result.stderr).toContain('2/2 个单位');
      expect((await readdir(out)).sort()).toEqual([
        '801001.actuals.json',
        '801001.json',
        '801001.payments.csv',
        '801002.actuals.json',
        '801002.json',
        '801002.payments.csv',
        'organisations.json',
      ]);
      const env = { JIXIAO_DATA: data, DATABASE_URL: '' };
      const imported = await cli(['import', join(out, '801002.json'), '--year', '2020'], env);
      expect(imported.stdout).toContain('801002 2020 年：3 个项目');
      const scored = await cli([
        'score',
        join(out, '801002.json'),
        '--actuals',
        join(out, '801002.actuals.json'),
        '--format',
        'json',
      ]);
      expect(scored.code).toBe(0);
      expect(JSON.parse(scored.stdout)).toMatchObject({ unit: '801002', fiscalYear: 2020, incomplete: false });
    },
    SLOW,
  );

  it(
    'refuses to guess where to write: --out or --into-db, exactly one',
    async () => {
      const neither = await cli(['generate', '--units', '1', '--projects-per-unit', '1', '--seed', '1']);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain('--out');
      const bad = await cli(['generate', '--units', 'many', '--projects-per-unit', '1', '--seed', '1', '--out', dir]);
      expect(bad.code).toBe(2);
    },
    SLOW,
  );

  it.each([
    ['PGlite', async () => ({ JIXIAO_DATA: join(data, 'into-db'), DATABASE_URL: '' })],
    ['PostgreSQL', async () => ({ DATABASE_URL: await freshDatabaseUrl() })],
  ])(
    '--into-db stores the city in %s',
    async (_name, makeEnv) => {
      const env = await makeEnv();
      const result = await cli(
        ['generate', '--units', '2', '--projects-per-unit', '2', '--seed', '9', '--into-db'],
        env,
      );
      expect(result.stderr).not.toContain('内部错误');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('已生成 2 个单位、4 个项目');
      const exported = await cli(['export', '--unit', '801002', '--year', '2020', '--format', 'json'], env);
      expect(JSON.parse(exported.stdout)).toMatchObject({ unit: { code: '801002' } });
    },
    SLOW,
  );
});
