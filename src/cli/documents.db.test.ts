import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { runCli, SEED_EXPECTED, SEED_FILE } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';
import { writeTargetsXlsx } from '../documents/xlsx/index.ts';

function entryNames(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: false }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => names.push(entry.fileName));
      zip.on('end', () => resolve(names));
    });
  });
}

/** The document commands end to end on PGlite: template, export/parse/import of .xlsx, bulk zip. */
describe('jixiao template / export --format xlsx / export --all', { timeout: 120_000 }, () => {
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    env = { JIXIAO_DATA: await migratedPgliteDir('jixiao-cli-doc-data-'), DATABASE_URL: '' };
    dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-doc-files-'));
    const imported = await cli(['import', SEED_FILE, '--year', '2020'], env);
    expect(imported.code).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(env.JIXIAO_DATA!, { recursive: true, force: true });
  });

  it('writes the blank template', async () => {
    const out = join(dir, '模板.xlsx');
    const result = await runCli(['template', '--format', 'xlsx', '--out', out], env);
    expect(result.code).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('exports .xlsx, parses it back to the seed, and re-imports it', async () => {
    const out = join(dir, 'seed.xlsx');
    const exported = await cli(['export', '--unit', '711002', '--year', '2020', '--format', 'xlsx', '--out', out], env);
    expect(exported.code).toBe(0);
    const parsed = await cli(['parse', out], env);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toEqual({
      ...JSON.parse(await readFile(SEED_EXPECTED, 'utf8')),
      fiscalYear: 2020,
    });
    expect(parsed.stderr).toContain('seed.xlsx:5: 工作表“指标明细”单元格 G5');
    const again = await cli(['import', out], env);
    expect(again.stdout).toContain('已替换 711002 2020 年：4 个项目，12 个指标');
  });

  it('names the sheet and cell of a broken workbook (exit 1)', async () => {
    const broken = seedDocument();
    // The first indicator of a project has no row above to take an empty 一级 from.
    broken.projects[1]!.indicators[0]!.level1 = '';
    const file = join(dir, 'broken.xlsx');
    await writeFile(file, await writeTargetsXlsx(broken));
    const result = await cli(['parse', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('工作表“指标明细”单元格 C5：一级指标不能为空');
  });

  it('needs --out for --all (usage, exit 2)', async () => {
    const result = await cli(['export', '--all', '--year', '2020', '--format', 'docx'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out');
  });

  it('exports every unit of the year as a zip with a progress bar on stderr', async () => {
    const out = join(dir, 'all.zip');
    const result = await cli(['export', '--all', '--year', '2020', '--format', 'docx', '--out', out], env);
    expect(result.stderr).not.toContain('内部错误');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('] 1/1 711002');
    expect(result.stderr).toContain('已导出 1 个单位');
    expect(await entryNames(out)).toEqual(['711002-秦皇岛市山海关区总工会2020年绩效目标.docx']);
  });
});
