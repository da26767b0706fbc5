import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { documentForUnit, sampleProject } from '../../test/targets-fixtures.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

/** `jixiao import DIR|FILE.ndjson` end to end on PGlite: all or nothing, problems listed with their place. */
describe('jixiao import of many documents', () => {
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    env = { JIXIAO_DATA: await migratedPgliteDir('jixiao-cli-many-data-'), DATABASE_URL: '' };
    dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-many-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(env.JIXIAO_DATA!, { recursive: true, force: true });
  });

  const unitJson = (code: string) => {
    const document = documentForUnit(code, `单位 ${code}`);
    document.projects = [sampleProject(`${code}-1`), sampleProject(`${code}-2`)];
    return JSON.stringify(document);
  };

  it('imports a directory with a progress bar on stderr, and refuses a broken NDJSON file changing nothing', async () => {
    const units = join(dir, 'units');
    await mkdir(units);
    await writeFile(join(units, '860001.json'), unitJson('860001'));
    await writeFile(join(units, '860002.json'), unitJson('860002'));
    const imported = await cli(['import', units, '--year', '2020'], env);
    expect(imported.stderr).toContain('2/2 导入');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('已导入 2 个文档（其中替换 0 个）：4 个项目，8 个指标\n');

    const ndjson = join(dir, 'more.ndjson');
    await writeFile(ndjson, `${unitJson('860003')}\n{"format":"jixiao/targets@1"}\n`);
    const refused = await cli(['import', ndjson, '--year', '2020'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/more\.ndjson:2: unit: .*2 个文档中有 1 个有问题，未导入任何内容/);

    // The valid first line was not stored either.
    const exported = await cli(['export', '--unit', '860003', '--year', '2020'], env);
    expect(exported.code).toBe(1);
  }, 240_000);
});
