import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SEED_EXPECTED, SEED_FILE } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { freshDatabaseUrl } from '../../test/db-engines.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

/**
 * The CLI end to end on each engine: the seed survives parse → import → export text → parse,
 * and a broken file leaves the database as it was. The round trip's import and export run the real bin (the
 * process ends, so the database was closed); the other calls run in this process (decision 026).
 */
const engines: [string, () => Promise<Record<string, string>>][] = [
  ['PGlite', async () => ({ JIXIAO_DATA: await migratedPgliteDir('jixiao-cli-data-'), DATABASE_URL: '' })],
  ['PostgreSQL', async () => ({ DATABASE_URL: await freshDatabaseUrl() })],
];

describe.each(engines)('jixiao import/export on %s', (_name, makeEnv) => {
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    env = await makeEnv();
    dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    if (env.JIXIAO_DATA) await rm(env.JIXIAO_DATA, { recursive: true, force: true });
  });

  it('round-trips the seed losslessly: parse → import → export text → parse', async () => {
    const imported = await runCli(['import', SEED_FILE, '--year', '2020'], env);
    expect(imported.stderr).not.toContain('内部错误');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('711002 2020 年：4 个项目，12 个指标');

    const textFile = join(dir, 'exported.txt');
    const exported = await runCli(
      ['export', '--unit', '711002', '--year', '2020', '--format', 'text', '-o', textFile],
      env,
    );
    expect(exported.code).toBe(0);
    const reparsed = await cli(['parse', textFile], env);
    expect(reparsed.code).toBe(0);
    const expected = JSON.parse(await readFile(SEED_EXPECTED, 'utf8'));
    // The export names the year on its cover line, so the round trip gains fiscalYear and loses nothing.
    expect(JSON.parse(reparsed.stdout)).toEqual({ ...expected, fiscalYear: 2020 });

    const json = await cli(['export', '--unit', '711002', '--year', '2020', '--format', 'json'], env);
    expect(JSON.parse(json.stdout)).toEqual({ ...expected, fiscalYear: 2020 });
  });

  it('replaces the unit-year on re-import, and a broken file changes nothing', async () => {
    const before = await cli(['export', '--unit', '711002', '--year', '2020'], env);
    expect(before.code).toBe(0);
    const seed = await readFile(SEED_FILE, 'utf8');
    const broken = join(dir, 'broken.txt');
    // Valid up to the last project, whose 预算数 is not an amount: a half-parse would store three projects.
    const text = seed.replace('\t29800.00\n\t其中：财政资金', '\t约三万元\n\t其中：财政资金');
    expect(text).not.toBe(seed);
    await writeFile(broken, text);
    const failed = await cli(['import', broken, '--year', '2020'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/broken\.txt:\d+/);
    const after = await cli(['export', '--unit', '711002', '--year', '2020'], env);
    expect(after.stdout).toBe(before.stdout);

    const again = await cli(['import', SEED_FILE, '--year', '2020'], env);
    expect(again.stdout).toContain('已替换');
  });

  it('exports in a province’s form with --layout, and lists the forms for an unknown one (usage, exit 2)', async () => {
    expect((await cli(['import', SEED_FILE, '--year', '2020'], env)).code).toBe(0);
    const file = join(dir, 'central.xlsx');
    const args = ['export', '--unit', '711002', '--year', '2020', '--format', 'xlsx'];
    const printed = await cli([...args, '--layout', 'central', '-o', file], env);
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');
    const unknown = await cli([...args, '--layout', 'guangdong', '-o', file], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('hebei-seed');
    const text = await cli(['export', '--unit', '711002', '--year', '2020', '--layout', 'central'], env);
    expect(text.code).toBe(2);
  });

  it('needs a year for a document that does not state one (usage, exit 2)', async () => {
    const result = await cli(['import', SEED_FILE], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--year');
  });

  it('says which unit-year is missing on export (exit 1)', async () => {
    const result = await cli(['export', '--unit', '000000', '--year', '2020'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/000000/);
  });
});
