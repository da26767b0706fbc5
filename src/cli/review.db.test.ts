import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SEED_FILE } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';

type CliFinding = {
  rule: string;
  criterion: string;
  severity: string;
  project: string | null;
  path: (string | number)[];
  message: string;
};

describe('jixiao review', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { JIXIAO_DATA: await migratedPgliteDir('jixiao-review-data-'), DATABASE_URL: '' };
  });
  afterAll(async () => {
    await rm(env.JIXIAO_DATA!, { recursive: true, force: true });
  });

  it('reviews a file as JSON with exactly the documented keys', async () => {
    const result = await cli(['review', SEED_FILE, '--format', 'json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { grade: string; findings: CliFinding[] };
    expect(report.grade).toBe('中');
    expect(Object.keys(report.findings[0]!).sort()).toEqual([
      'criterion',
      'message',
      'path',
      'project',
      'rule',
      'severity',
    ]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'completeness.target-value',
        project: '711-0403-JBN-3EQS',
        path: ['indicators', 0, 'target'],
      }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'relevance.goal-matches-project', project: '711-0403-JBN-MQNI' }),
    );
  });

  it('prints a readable table by default', async () => {
    const result = await cli(['review', SEED_FILE], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('项目 711-0403-JBN-3EQS');
    expect(result.stdout).toMatch(/\[错误\] 完整性\u3000第1个指标“补助个人数量”/);
    expect(result.stdout).toContain('审核结果：中（错误 2，警告 6，提示 5）');
  });

  it('reviews stored targets the same way, and needs a file or --unit with --year', async () => {
    expect((await cli(['import', SEED_FILE, '--year', '2020'], env)).code).toBe(0);
    const stored = await runCli(['review', '--unit', '711002', '--year', '2020', '--format', 'json'], env);
    expect(stored.code).toBe(0);
    const fromFile = await cli(['review', SEED_FILE, '--format', 'json'], env);
    expect(JSON.parse(stored.stdout)).toEqual(JSON.parse(fromFile.stdout));
    const usage = await cli(['review', '--unit', '711002'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--year');
  }, 180_000);

  it('answers NOT_FOUND with exit code 1 for a unit without targets', async () => {
    const missing = await cli(['review', '--unit', '999999', '--year', '2020'], env);
    expect(missing.code).toBe(1);
  }, 60_000);
});
