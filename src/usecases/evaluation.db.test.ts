import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { bookSeedSpending } from '../../test/evaluation-fixtures.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { bureauActor, loadWorkflowFixture, OTHER_UNIT, UNIT, unitActor, YEAR } from '../../test/workflow-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { findUnitId, insertBudgetAdjustment } from '../db/monitoring.repo.ts';
import { putPolicy } from '../db/policies.repo.ts';
import { getBureauRanking } from './get-bureau-ranking.ts';
import { getEvaluation } from './get-evaluation.ts';
import { getEvaluationHistory } from './get-evaluation-history.ts';
import { importTargets } from './import-targets.ts';
import { DEMO_EVALUATION } from './load-demo-evaluation.ts';
import { saveEvaluation } from './save-evaluation.ts';
import { scoreStoredUnitYear } from './score-unit-year.ts';

const key = { unitCode: UNIT, fiscalYear: YEAR };
const MQNI = '711-0403-JBN-MQNI';
const scoresOf = async (db: Parameters<typeof scoreStoredUnitYear>[0]) =>
  (await scoreStoredUnitYear(db, key)).projects.map((p) => [p.code, p.score, p.grade]);

describe('the demo evaluation', () => {
  it('holds the same actuals as the CLI fixture', async () => {
    const fixture = JSON.parse(
      await readFile(resolve(import.meta.dirname, '../../test/fixtures/shanhaiguan-2020.actuals.json'), 'utf8'),
    );
    const actualsOf = (projects: { code: string; indicators: { name: string; actual?: string | null }[] }[]) =>
      projects.map((p) => [p.code, p.indicators.map((i) => [i.name, i.actual])]);
    expect(actualsOf(DEMO_EVALUATION.projects)).toEqual(actualsOf(fixture.projects));
  });
});

describeEachEngine('self-evaluation use-cases', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await loadWorkflowFixture(getDb());
  });

  it('reads 年初预算数, 调整后预算数 and 执行数 from the targets and monitoring; nothing entered is incomplete', async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR, ['711-0701-JBN-PGN6']);
    const view = await getEvaluation(getDb(), key);
    expect(view).toMatchObject({ status: 'none', incomplete: true, meanScore: 2.45 }); // 9.8 / 4
    expect(view.projects[0]).toMatchObject({
      initialBudget: '20000.00',
      adjustedBudget: '20000.00',
      spent: '19600.00',
    });
    expect(view.projects[0]!.score).toMatchObject({ score: 9.8, grade: null, execution: { rate: 98, points: 9.8 } });
    expect(view.projects[1]!.spent).toBeNull();
    expect(view.projects[1]!.score.execution.missing).toBe(true);
  });

  it('stores the 自评表 and scores it as the CLI does for the same figures', async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR);
    const saved = await saveEvaluation(getDb(), unitActor, { ...key, ...DEMO_EVALUATION });
    expect(saved).toMatchObject({ status: 'draft', meanScore: 97.17, incomplete: false, missingAnalysis: [] });
    expect(await scoresOf(getDb())).toEqual([
      ['711-0701-JBN-PGN6', 99.8, '优'],
      ['711-0403-JBN-3EQS', 99.78, '优'],
      [MQNI, 89.11, '良'],
      ['711-0701-YSN-2UE1', 100, '优'],
    ]);
    const read = await getEvaluation(getDb(), key);
    expect(read.projects[2]!.indicators[0]).toMatchObject({
      name: '免费健康体检率',
      target: '≥90%',
      actual: '80%',
      deviationReason: '疫情期间体检暂停，下半年分批组织后年底前完成八成劳模体检',
    });
    expect(read.projects[2]!.executionReason).toMatch(/新冠肺炎疫情/);
  });

  it('uses the latest budget adjustment as 调整后预算数', async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR);
    const unitId = (await findUnitId(getDb().kysely, UNIT))!;
    await insertBudgetAdjustment(
      getDb().kysely,
      { unitId, fiscalYear: YEAR },
      {
        projectCode: MQNI,
        adjustedBudget: '33600.00',
        reason: '疫情压减',
        effectiveDate: '2020-09-01',
        recordedBy: 'test',
      },
    );
    await saveEvaluation(getDb(), unitActor, { ...key, ...DEMO_EVALUATION });
    const project = (await scoreStoredUnitYear(getDb(), key)).projects[2]!;
    // 30240 / 33600 = 90 % → 9 (no reason needed any more); + 400/9 + 240/9 + 10 = 90.11 → 优
    expect(project).toMatchObject({
      score: 90.11,
      grade: '优',
      execution: { rate: 90, points: 9, deviationRequired: false },
    });
  });

  it('refuses to submit while an analysis or an actual is missing, naming each gap; then submits and audits', async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR);
    const bare = {
      projects: DEMO_EVALUATION.projects.map((p) => ({
        code: p.code,
        indicators: p.indicators.map(({ name, actual }) => ({ name, actual })),
      })),
    };
    const error = await expectAppError(
      saveEvaluation(getDb(), unitActor, { ...key, ...bare, submit: true }),
      'VALIDATION',
    );
    expect(error.issues.map((i) => i.path?.join('.'))).toEqual([
      // 补助个人数量 states no number (“… 个”): the evaluator must choose its band (10号, decision 035).
      'projects.1.indicators.0.band',
      'projects.1.indicators.2.deviationReason',
      'projects.2.executionReason',
      'projects.2.indicators.0.deviationReason',
      'projects.2.indicators.1.deviationReason',
    ]);
    expect((await getEvaluation(getDb(), key)).status).toBe('none'); // nothing written

    const submitted = await saveEvaluation(getDb(), unitActor, { ...key, ...DEMO_EVALUATION, submit: true });
    expect(submitted.status).toBe('submitted');
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'actor_name', 'entity_key'])
      .where('entity', '=', 'evaluation')
      .execute();
    expect(audit).toEqual([{ action: 'submit-evaluation', actor_name: 'zgh', entity_key: '711002/2020' }]);
  });

  it('refuses unknown project codes, unknown indicator names and unreadable actuals, with their path', async () => {
    const save = (projects: typeof DEMO_EVALUATION.projects) =>
      saveEvaluation(getDb(), unitActor, { ...key, projects });
    const code = await expectAppError(save([{ code: '711-XXXX', indicators: [] }]), 'VALIDATION');
    expect(code.location?.path).toEqual(['projects', 0, 'code']);
    const name = await expectAppError(
      save([{ code: MQNI, indicators: [{ name: '体检率', actual: '70%' }] }]),
      'VALIDATION',
    );
    expect(name).toMatchObject({ location: { path: ['projects', 0, 'indicators', 0, 'name'] } });
    expect(name.message).toMatch(/没有名为“体检率”/);
    const unit = await expectAppError(
      save([{ code: MQNI, indicators: [{ name: '免费健康体检率', actual: '70人' }] }]),
      'VALIDATION',
    );
    expect(unit.location?.path).toEqual(['projects', 0, 'indicators', 0, 'actual']);
  });

  it("follows the unit's scoring policy", async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR);
    await saveEvaluation(getDb(), unitActor, { ...key, ...DEMO_EVALUATION });
    await putPolicy(getDb().kysely, 'SHG-CZJ', 'scoring', { grades: { excellent: 99.9, good: 80, fair: 60 } });
    expect((await scoresOf(getDb())).map((s) => s[2])).toEqual(['良', '良', '良', '优']);
    await putPolicy(getDb().kysely, '711', 'scoring', { grades: { excellent: 'high' } });
    await expectAppError(scoreStoredUnitYear(getDb(), key), 'VALIDATION');
  });

  it('ranks the visible units by score and by execution, with the grade distribution', async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR);
    await saveEvaluation(getDb(), SYSTEM_ACTOR, { ...key, ...DEMO_EVALUATION });
    const ranking = await getBureauRanking(getDb(), bureauActor, { fiscalYear: YEAR });
    // Σ spent 94040.00 / Σ adjusted 102000.00 = 92.196… %
    expect(
      ranking.items.map((u) => [
        u.unitCode,
        u.rank,
        u.meanScore,
        u.grade,
        u.executionRate,
        u.executionRank,
        u.evaluated,
      ]),
    ).toEqual([
      [UNIT, 1, 97.17, '优', 92.2, 1, true],
      [OTHER_UNIT, 2, null, null, null, null, false],
    ]);
    expect(ranking.gradeDistribution).toEqual({ 优: 3, 良: 1, 中: 0, 差: 0, 未定级: 0 });
    const own = await getBureauRanking(getDb(), { ...unitActor, orgCode: OTHER_UNIT }, { fiscalYear: YEAR });
    expect(own.items.map((u) => u.unitCode)).toEqual([OTHER_UNIT]);
  });

  it("shows last year's actuals and grades beside next year's projects, flagging 中 and 差", async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR);
    // A worse 体检 year: 50 % examined → 8 + 50 × 50/90 + 30 × 50/90 + 10 = 562/9 = 62.44 → 中
    const worse = DEMO_EVALUATION.projects.map((p) =>
      p.code !== MQNI
        ? p
        : {
            ...p,
            indicators: p.indicators.map((i) => (i.actual === '80%' ? { ...i, actual: '50%' } : i)),
          },
    );
    await saveEvaluation(getDb(), unitActor, { ...key, projects: worse });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: YEAR + 1 });
    const next = await getEvaluationHistory(getDb(), { unitCode: UNIT, fiscalYear: YEAR + 1 });
    const mqni = next.projects.find((p) => p.code === MQNI)!;
    expect(mqni.lastYear).toEqual({ score: 62.44, grade: '中', incomplete: false, budgetDiscussion: true });
    expect(mqni.thisYear).toBeNull();
    expect(mqni.indicators[0]).toEqual({
      name: '免费健康体检率',
      target: '≥90%',
      lastYearTarget: '≥90%',
      lastYearActual: '50%',
    });
    expect(next.projects[0]!.lastYear).toMatchObject({ grade: '优', budgetDiscussion: false });
    const same = await getEvaluationHistory(getDb(), key);
    expect(same.projects.find((p) => p.code === MQNI)).toMatchObject({
      lastYear: null,
      thisYear: { grade: '中', budgetDiscussion: true },
    });
  });
});
