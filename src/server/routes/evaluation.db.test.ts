import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { resetEvaluatedSeedYear } from '../../../test/evaluated-seed-year.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { buildServer } from '../app.ts';

const base = '/api/units/711002/years/2020';
/** Nothing saved yet: version 0 (decision 023; conflicts: versions.db.test.ts). */
const IF_NONE_YET = { 'if-match': '"0"' };

describeEachEngine('evaluation API', (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  beforeEach(async () => {
    await resetEvaluatedSeedYear(getDb());
  });

  it('lets the unit save its 自评表 and read the scores', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const put = await unit.inject({
      method: 'PUT',
      url: `${base}/evaluation`,
      headers: IF_NONE_YET,
      payload: DEMO_EVALUATION,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ status: 'draft', meanScore: 97.17, missingAnalysis: [] });

    const score = await unit.inject(`${base}/score`);
    expect(score.statusCode).toBe(200);
    const body = score.json() as {
      meanScore: number;
      projects: { code: string; score: number; grade: string; execution: { rate: number; points: number } }[];
    };
    expect(body.meanScore).toBe(97.17);
    expect(body.projects[2]).toMatchObject({
      code: '711-0403-JBN-MQNI',
      score: 89.11,
      grade: '良',
      execution: { rate: 80, points: 8 },
    });

    const get = await unit.inject(`${base}/evaluation`);
    expect(get.json()).toMatchObject({
      status: 'draft',
      projects: [{ code: '711-0701-JBN-PGN6', spent: '19600.00', initialBudget: '20000.00' }, {}, {}, {}],
    });
  });

  it('answers a refused submit with 422-class VALIDATION listing each missing analysis', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const projects = DEMO_EVALUATION.projects.map((p) => ({
      code: p.code,
      indicators: p.indicators.map(({ name, actual }) => ({ name, actual })),
    }));
    const response = await unit.inject({
      method: 'PUT',
      url: `${base}/evaluation`,
      headers: IF_NONE_YET,
      payload: { projects, submit: true },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    const error = (response.json() as { error: { code: string; message: string; issues: unknown[] } }).error;
    expect(error.code).toBe('VALIDATION');
    // 4 missing analyses, and 补助个人数量's band (a target without a number: the evaluator decides).
    expect(error.message).toMatch(/自评表尚不能提交.*共 5 处/);
    expect(error.issues).toHaveLength(5);
  });

  it('keeps the department read-only and other units out', async () => {
    const department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    expect((await department.inject(`${base}/evaluation`)).statusCode).toBe(200);
    expect(
      (
        await department.inject({
          method: 'PUT',
          url: `${base}/evaluation`,
          headers: IF_NONE_YET,
          payload: DEMO_EVALUATION,
        })
      ).statusCode,
    ).toBe(403);
    const other = await signIn(app, getDb(), { role: 'unit', orgCode: '712001' });
    expect((await other.inject(`${base}/score`)).statusCode).toBe(403);
    expect((await app.inject(`${base}/score`)).statusCode).toBe(401);
  });

  it('ranks units for the bureau and shows the history', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    await unit.inject({ method: 'PUT', url: `${base}/evaluation`, headers: IF_NONE_YET, payload: DEMO_EVALUATION });
    const bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    const ranking = await bureau.inject('/api/bureau/years/2020/ranking');
    expect(ranking.statusCode).toBe(200);
    expect(ranking.json()).toMatchObject({
      fiscalYear: 2020,
      items: [{ unitCode: '711002', rank: 1, meanScore: 97.17, grade: '优', executionRate: 92.2, stale: false }],
      total: 1,
      gradeDistribution: { 优: 3, 良: 1 },
    });
    expect((await unit.inject('/api/bureau/years/2020/ranking')).statusCode).toBe(403);
    const history = await unit.inject(`${base}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({
      previousYear: 2019,
      projects: [
        { lastYear: null, thisYear: { grade: '优' } },
        {},
        { thisYear: { grade: '良', budgetDiscussion: false } },
        {},
      ],
    });
  });
});
