import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, SEED_FILE } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';

const ACTUALS = resolve(REPO_ROOT, 'test/fixtures/shanhaiguan-2020.actuals.json');

type ActualsData = {
  projects: { code: string; indicators: { name: string; actual?: string; band?: string; bandPercent?: number }[] }[];
};

async function withActuals(change: (data: ActualsData) => void): Promise<string> {
  const data = JSON.parse(await readFile(ACTUALS, 'utf8'));
  change(data);
  return writeTemp('actuals.json', data);
}

async function writeTemp(name: string, data: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'jixiao-score-')), name);
  await writeFile(file, JSON.stringify(data));
  return file;
}

/** 补助个人数量's target “个” has no number: the evaluator's band (达成, 100 %) decides it (decision 031). */
const decideNoNumber = (data: ActualsData) => {
  Object.assign(data.projects[1]!.indicators[0]!, { band: 'achieved', bandPercent: 100 });
};

describe('jixiao score', () => {
  it('scores the seed against the fixture actuals, by hand-computed expectations', async () => {
    const decided = await withActuals(decideNoNumber);
    const result = await runCli(['score', SEED_FILE, '--actuals', decided, '--format', 'json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    // PGN6: 19600/20000 = 98 % → 9.8; 98 %, 92 %, 186/200 = 93 % all ≥ 90 % → 50 + 30 + 10; total 99.8
    // 3EQS: 100 % → 10; 补助个人数量 (target "个", no number) 达成 at 100 % by the evaluator → 50; 95 % → 30; 88 % → 10 × 88/90 = 9.78; total 898/9 = 99.78
    // MQNI: 30240/37800 = 80 % → 8; 80 % → 50 × 80/90 = 44.44 and 30 × 80/90 = 26.67; 92 % → 10; total 802/9 = 89.11 → 良
    // 2UE1: all met, 32800/32800 spent → 100
    expect(out.projects.map((p: { code: string; score: number; grade: string }) => [p.code, p.score, p.grade])).toEqual(
      [
        ['711-0701-JBN-PGN6', 99.8, '优'],
        ['711-0403-JBN-3EQS', 99.78, '优'],
        ['711-0403-JBN-MQNI', 89.11, '良'],
        ['711-0701-YSN-2UE1', 100, '优'],
      ],
    );
    // (499/5 + 898/9 + 802/9 + 100) / 4 = 17491/180 = 97.172… → 97.17
    expect(out).toMatchObject({ unit: '711002', fiscalYear: 2020, meanScore: 97.17, incomplete: false });
    expect(out.projects[2].execution).toEqual({ rate: 80, weight: 10, points: 8, deviationRequired: true, flag: null });
    expect(out.projects[1].indicators[0]).toMatchObject({ points: 50, band: 'achieved', decision: null });
    expect(out.projects[2].indicators[0]).toEqual({
      name: '免费健康体检率',
      target: '≥90%',
      actual: '80%',
      weight: 50,
      points: 44.44,
      met: false,
      deviationRequired: true,
      decision: null,
      band: null,
      suggestedBand: null,
      suggestedPercent: null,
      bandRange: null,
    });
  });

  it('prints a readable table by default', async () => {
    const result = await cli(['score', SEED_FILE, '--actuals', await withActuals(decideNoNumber)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('711-0403-JBN-MQNI  市级以上劳模体检费  得分 89.11  良');
    expect(result.stdout).toContain('预算执行率  80.00%  8.00 / 10.00  须说明原因');
    expect(result.stdout).toMatch(/平均得分 97\.17/);
  });

  it('--policy FILE scores by the bureau’s policy body, and refuses an inconsistent one with its path', async () => {
    const decided = await withActuals(decideNoNumber);
    const policy = await writeTemp('policy.json', { executionPoints: 20, categoryPoints: { output: 40 } });
    const result = await cli(['score', SEED_FILE, '--actuals', decided, '--policy', policy, '--format', 'json']);
    expect(result.code).toBe(0);
    // MQNI: 20 × 80 % = 16; (40 + 30) × 80/90 = 560/9; 满意度 10 → 794/9 = 88.22. PGN6: 19.6 + 80 = 99.6.
    const scores = JSON.parse(result.stdout).projects.map((p: { score: number }) => p.score);
    expect([scores[0], scores[2]]).toEqual([99.6, 88.22]);
    const bad = await writeTemp('policy.json', { categoryPoints: { output: 60 } });
    const refused = await cli(['score', SEED_FILE, '--actuals', decided, '--policy', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^jixiao: policy\.json: categoryPoints: .*分值合计应为 100.*= 110/);
  });

  it('reports a missing actual as missing data, and a target without a number as waiting for the evaluator', async () => {
    const file = await withActuals((data) => {
      data.projects[0]!.indicators = data.projects[0]!.indicators.filter((i) => i.name !== '群众满意度');
      data.projects[1]!.indicators[0] = { name: '补助个人数量', actual: '达到' };
    });
    const out = JSON.parse((await cli(['score', SEED_FILE, '--actuals', file, '--format', 'json'])).stdout);
    expect(out.projects[0]).toMatchObject({ score: 89.8, grade: null, incomplete: true });
    expect(out.projects[0].indicators[2]).toMatchObject({
      name: '群众满意度',
      actual: null,
      points: null,
      missing: true,
    });
    // “达到” against “个” is not scored as met (decision 031): 10 + 30 + 88/9 = 448/9 = 49.78, a lower bound, ungraded.
    expect(out.projects[1]).toMatchObject({ score: 49.78, grade: null, incomplete: true });
    expect(out.projects[1].indicators[0]).toMatchObject({
      points: null,
      decision: 'no-number',
      suggestedBand: 'achieved',
      suggestedPercent: 100,
    });
    expect(out.incomplete).toBe(true);
  });

  it('names the unknown project code and indicator name, with their place in the file', async () => {
    const badCode = await withActuals((data) => (data.projects[1]!.code = '711-XXXX'));
    const code = await cli(['score', SEED_FILE, '--actuals', badCode, '--format', 'json']);
    expect(code.code).toBe(1);
    expect(code.stderr).toMatch(/^jixiao: actuals\.json: projects\.1\.code: 目标文件中没有项目 711-XXXX/);

    const badName = await withActuals((data) => (data.projects[3]!.indicators[1]!.name = '生活改善'));
    const name = await cli(['score', SEED_FILE, '--actuals', badName]);
    expect(name.code).toBe(1);
    expect(name.stderr).toMatch(
      /^jixiao: actuals\.json: projects\.3\.indicators\.1\.name: 项目中没有名为“生活改善”的三级指标/,
    );

    const badUnit = await withActuals((data) => (data.projects[0]!.indicators[0]!.actual = '98人'));
    const unit = await cli(['score', SEED_FILE, '--actuals', badUnit]);
    expect(unit.stderr).toMatch(/projects\.0\.indicators\.0\.actual: 指标“补助金发放率”：.*单位“人”/);
  });

  it('refuses a file that is not jixiao/actuals@1', async () => {
    const bad = await withActuals((data) => ((data as unknown as { format: string }).format = 'jixiao/targets@1'));
    const result = await cli(['score', SEED_FILE, '--actuals', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/actuals\.json: format: 不符合 jixiao\/actuals@1 格式/);
  });
});
