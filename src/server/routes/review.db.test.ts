import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

const url = '/api/units/711002/years/2020/review';
const policyUrl = '/api/bureau/review-policy';
type Body = {
  report: { grade: string; findings: { rule: string; project: string | null; severity: string }[] };
  narrativeIndicators: { name: string }[];
};

describeEachEngine('review API', (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(getDb());
  });

  it('gives the unit its grade, findings and narrative indicators', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const response = await unit.inject(url);
    expect(response.statusCode).toBe(200);
    const body = response.json() as Body;
    expect(body.report.grade).toBe('中');
    expect(body.report.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.project])).toEqual([
      ['completeness.target-value', '711-0403-JBN-3EQS'],
      ['relevance.goal-matches-project', '711-0403-JBN-MQNI'],
    ]);
    expect(body.narrativeIndicators.map((n) => n.name)).toContain('参赛职工');
  });

  it('refuses another department’s reviewer and an anonymous caller', async () => {
    const other = await signIn(app, getDb(), { role: 'department', orgCode: '712' });
    expect((await other.inject(url)).statusCode).toBe(403);
    expect((await app.inject(url)).statusCode).toBe(401);
  });

  it('applies the bureau’s policy to its units', async () => {
    const bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    const put = await bureau.inject({ method: 'PUT', url: policyUrl, payload: { minIndicators: 4 } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      orgCode: 'SHG-CZJ',
      stored: { minIndicators: 4 },
      effective: { minIndicators: 4, spendingPlanTolerance: 0 },
    });
    const body = (await bureau.inject(url)).json() as Body;
    // Every seed project has 3 indicators: 4 warnings now.
    expect(body.report.findings.filter((f) => f.rule === 'completeness.min-indicators')).toHaveLength(4);
    expect((await bureau.inject(policyUrl)).json()).toMatchObject({ stored: { minIndicators: 4 } });
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'entity_key'])
      .where('action', '=', 'put-review-policy')
      .execute();
    expect(audit).toEqual([{ action: 'put-review-policy', entity_key: 'SHG-CZJ/review' }]);
  });

  it('refuses a misspelt knob, and a department setting policy', async () => {
    const bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    const bad = await bureau.inject({ method: 'PUT', url: policyUrl, payload: { minIndicator: 4 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    const department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    expect((await department.inject({ method: 'PUT', url: policyUrl, payload: { minIndicators: 4 } })).statusCode).toBe(
      403,
    );
    expect((await bureau.inject({ method: 'PUT', url: `${policyUrl}?orgCode=QHD-CZJ`, payload: {} })).statusCode).toBe(
      403,
    );
  });
});
