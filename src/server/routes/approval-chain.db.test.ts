import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { bookSeedSpending } from '../../../test/evaluation-fixtures.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { setUnitParent, upsertOrganisation } from '../../db/organisations.repo.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { buildServer } from '../app.ts';

const UNIT = '711002';
const targets = `/api/units/${UNIT}/years/2020`;
const evaluation = `${targets}/evaluation`;
const GRADES = { completeness: '优', relevance: '优', appropriateness: '优', feasibility: '优', overall: '优' };

/**
 * The union route (issue 18 item 5, decision 049) end to end through the API: 711002 sits under a 工会
 * (秦皇岛市总工会, QHD-ZGH) under the bureau. With the bureau's 批复 required the union reviews and the bureau
 * approves; without it the union approves (targets) and finalises (自评), and the bureau cannot act.
 */
describeEachEngine('approval chain: the union route', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let union: TestClient;
  let bureau: TestClient;
  let projects: (string | null)[];
  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  beforeEach(async () => {
    await clearDatabase(getDb());
    const document = seedDocument();
    projects = [...document.projects.map((p) => p.code), null];
    await importTargets(getDb(), SYSTEM_ACTOR, { document, fiscalYear: 2020 });
    const k = getDb().kysely;
    await upsertOrganisation(k, { code: 'SHG-CZJ', name: '山海关区财政局', kind: 'bureau', parentCode: null });
    const zgh = await upsertOrganisation(k, {
      code: 'QHD-ZGH',
      name: '秦皇岛市总工会',
      kind: 'department',
      parentCode: 'SHG-CZJ',
      orgType: 'union',
    });
    await setUnitParent(k, UNIT, zgh);
    await bookSeedSpending(getDb(), UNIT, 2020);
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: UNIT });
    union = await signIn(app, getDb(), { role: 'department', orgCode: 'QHD-ZGH' });
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  const post = (client: TestClient, url: string, payload: Record<string, unknown> = {}) =>
    client.inject({ method: 'POST', url, payload });
  const workflow = async (client: TestClient) =>
    (await client.inject(`${targets}/workflow`)).json() as {
      state: string;
      chain: { stages: { kind: string; organisation: { code: string } }[] };
      actions: { action: string; allowed: boolean; shown: boolean; reason: { code: string } | null }[];
    };
  async function recordForms(client: TestClient): Promise<void> {
    for (const projectCode of projects) {
      const response = await client.inject({
        method: 'PUT',
        url: `${targets}/review-opinions`,
        payload: { projectCode, ...GRADES, opinion: '符合要求' },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  }
  async function setBureauApproval(on: boolean): Promise<void> {
    const response = await bureau.inject({
      method: 'PUT',
      url: '/api/bureau/policies/review',
      payload: { unionBureauApproval: on },
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('targets: the unit submits, the superior union reviews, the bureau approves', async () => {
    expect((await workflow(union)).chain.stages.map((s) => `${s.kind}@${s.organisation.code}`)).toEqual([
      'union@QHD-ZGH',
      'bureau@SHG-CZJ',
    ]);
    expect((await post(unit, `${targets}/workflow/submit`)).statusCode).toBe(200);
    // The union does not approve: the bureau's policy asks for its 批复 (no such step from 已报送 in this chain).
    expect((await post(union, `${targets}/workflow/approve`)).statusCode).toBe(409);
    await recordForms(union);
    const reviewed = await post(union, `${targets}/workflow/review`);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((await workflow(bureau)).state).toBe('department-reviewed');
    await recordForms(bureau);
    const approved = await post(bureau, `${targets}/workflow/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await workflow(unit)).state).toBe('approved');
  });

  it("targets, with the policy off: the union's 批复 is final and the bureau cannot act", async () => {
    await setBureauApproval(false);
    expect((await workflow(union)).chain.stages.map((s) => s.kind)).toEqual(['union']);
    expect((await post(unit, `${targets}/workflow/submit`)).statusCode).toBe(200);
    const before = await workflow(union);
    expect(before.actions.filter((a) => a.shown).map((a) => `${a.action}:${a.reason?.code ?? 'ok'}`)).toEqual([
      'return:ok',
      'approve:opinions',
    ]);
    expect((await workflow(bureau)).actions.filter((a) => a.allowed)).toEqual([]);
    expect((await post(bureau, `${targets}/workflow/approve`)).statusCode).toBe(403);
    // The union's forms are the ones its 批复 needs.
    expect((await post(union, `${targets}/workflow/approve`)).statusCode).toBe(409);
    await recordForms(union);
    const approved = await post(union, `${targets}/workflow/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved' });
    // An adjustment is agreed by whoever approved: the union.
    expect((await post(unit, `${targets}/workflow/adjustment`, { reason: '预算调整' })).statusCode).toBe(200);
    expect((await post(bureau, `${targets}/workflow/adjustment/agree`)).statusCode).toBe(403);
    expect((await post(union, `${targets}/workflow/adjustment/agree`)).statusCode).toBe(200);
  });

  it('sets the type on the organisations page (PATCH orgType): back to 行政事业单位, the chain is the default', async () => {
    const patch = (code: string, version: number, orgType: string) =>
      bureau.inject({
        method: 'PATCH',
        url: `/api/organisations/${code}`,
        headers: { 'if-match': `"${version}"` },
        payload: { orgType },
      });
    const unitTyped = await patch(UNIT, 1, 'union');
    expect(unitTyped.statusCode).toBe(400);
    expect(unitTyped.json()).toMatchObject({ error: { location: { field: 'orgType' } } });
    const retyped = await patch('QHD-ZGH', 1, 'administrative');
    expect(retyped.statusCode, retyped.body).toBe(200);
    expect(retyped.json()).toMatchObject({ orgType: 'administrative', version: 2 });
    expect((await workflow(union)).chain.stages.map((s) => s.kind)).toEqual(['department', 'bureau']);
  });

  it('部门本级 (PATCH departmentOwn): the department reviews its own unit as itself, then the bureau', async () => {
    const patch = (code: string, version: number, departmentOwn: boolean) =>
      bureau.inject({
        method: 'PATCH',
        url: `/api/organisations/${code}`,
        headers: { 'if-match': `"${version}"` },
        payload: { departmentOwn },
      });
    const notUnit = await patch('QHD-ZGH', 1, true);
    expect(notUnit.statusCode).toBe(400);
    expect(notUnit.json()).toMatchObject({ error: { location: { field: 'departmentOwn' } } });
    const marked = await patch(UNIT, 1, true);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ kind: 'unit', departmentOwn: true, version: 2 });
    const stages = (await workflow(union)).chain.stages.map((s) => `${s.kind}@${s.organisation.code}`);
    expect(stages).toEqual(['self@QHD-ZGH', 'bureau@SHG-CZJ']);
    // The same order as any unit: the department reviews, the bureau approves.
    expect((await post(unit, `${targets}/workflow/submit`)).statusCode).toBe(200);
    await recordForms(union);
    expect((await post(union, `${targets}/workflow/review`)).statusCode).toBe(200);
    expect((await workflow(bureau)).state).toBe('department-reviewed');
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'organisation')
      .execute();
    expect(audit).toEqual([{ action: 'update-organisation', after: expect.objectContaining({ departmentOwn: true }) }]);
    expect((await patch(UNIT, 2, false)).json()).toMatchObject({ departmentOwn: false, version: 3 });
    expect((await workflow(union)).chain.stages.map((s) => s.kind)).toEqual(['union', 'bureau']);
  });

  const saveEvaluation = () =>
    unit.inject({
      method: 'PUT',
      url: evaluation,
      headers: { 'if-match': '"0"' },
      payload: { ...DEMO_EVALUATION, submit: true },
    });

  it('自评: the union reviews, the bureau finalises', async () => {
    expect((await saveEvaluation()).statusCode).toBe(200);
    expect((await post(union, `${evaluation}/review`, { decision: 'approve' })).json()).toMatchObject({
      status: 'reviewed',
    });
    expect((await post(union, `${evaluation}/finalise`)).statusCode).toBe(403);
    const final = await post(bureau, `${evaluation}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json()).toMatchObject({ status: 'final' });
  });

  it('自评, with the policy off: the union reviews and finalises, the bureau takes no step', async () => {
    await setBureauApproval(false);
    expect((await saveEvaluation()).statusCode).toBe(200);
    expect((await post(bureau, `${evaluation}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await post(union, `${evaluation}/review`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await post(bureau, `${evaluation}/finalise`)).statusCode).toBe(403);
    // The bureau's batch leaves the union's unit alone.
    const batch = await post(bureau, '/api/bureau/years/2020/evaluation/finalise');
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json()).toMatchObject({ finalised: [] });
    const final = await post(union, `${evaluation}/finalise`);
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json()).toMatchObject({ status: 'final' });
    expect((await post(bureau, `${evaluation}/reopen`, { reason: '复查' })).statusCode).toBe(403);
  });
});
