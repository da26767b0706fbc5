import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SEED_EXPECTED, SEED_FILE } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';

describe('jixiao parse', () => {
  it('prints the whole seed in the exchange format, matching the hand-checked fixture', async () => {
    const result = await cli(['parse', SEED_FILE]);
    expect(result.code).toBe(0);
    const expected = JSON.parse(await readFile(SEED_EXPECTED, 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });

  it("points out the seed's defects on stderr without failing", async () => {
    const result = await cli(['parse', SEED_FILE]);
    expect(result.stderr).toMatch(/注意 shanhaiguan-2020\.txt:\d+:.*(域代码|TC)/);
    expect(result.stderr).toMatch(/补助个人数量|缺少数值|没有数值/);
  });

  it('sets the fiscal year with --year', async () => {
    const result = await cli(['parse', SEED_FILE, '--year', '2020']);
    expect(JSON.parse(result.stdout).fiscalYear).toBe(2020);
  });

  it('exits 1 with the file and line of a broken document, and prints no stack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const seed = await readFile(SEED_FILE, 'utf8');
    const broken = join(dir, 'broken.txt');
    await writeFile(broken, seed.replace('\t20000.00\n\t其中：财政资金', '\t两万元\n\t其中：财政资金'));
    const result = await runCli(['parse', broken]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^jixiao: broken\.txt:\d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for a missing file', async () => {
    const result = await cli(['parse', '/nonexistent/file.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('文件不存在');
  });

  it('exits 2 for usage errors', async () => {
    expect((await cli(['parse'])).code).toBe(2);
    expect((await cli(['no-such-command'])).code).toBe(2);
    expect((await cli(['parse', SEED_FILE, '--year', 'twenty'])).code).toBe(2);
  });
});
