import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { bookSeedSpending } from '../../../test/evaluation-fixtures.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import { OTHER_UNIT, UNIT, YEAR, bureauActor } from '../../../test/workflow-fixtures.ts';
import type { PreviousActualsResponse } from '../../contract/fiscal-years.ts';
import type { NotificationPage } from '../../contract/notifications.ts';
import type { Notice, ResultPage, UnitResult } from '../../contract/results.ts';
import type { Workbench } from '../../contract/workbench.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { issueRectification } from '../../usecases/issue-rectification.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { saveEvaluation } from '../../usecases/save-evaluation.ts';
import { buildServer } from '../app.ts';

/*
 * 结果应用 through the API (decision 048): a 整改通知 issued by the bureau, answered by the unit with a file,
 * reopened and closed; who may do what; overdue notices on the workbench; last year's grade beside this year.
 */
const base = `/api/units/${UNIT}/years/${YEAR}/results`;
const PDF = Buffer.from('%PDF-1.4\n% 整改材料\n', 'utf8');
const PGN6 = '711-0701-JBN-PGN6';
const FUTURE = '2099-12-31';

describeEachEngine('results and rectification notices API', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let otherUnit: TestClient;
  let department: TestClient;
  let otherDepartment: TestClient;
  let bureau: TestClient;

  const post = async (client: TestClient, url: string, payload: object) =>
    client.inject({ method: 'POST', url, payload });
  const kinds = async (client: TestClient) =>
    (await client.inject('/api/notifications')).json<NotificationPage>().items.map((n) => n.kind);

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  afterAll(async () => app.close());

  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: YEAR });
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit(OTHER_UNIT, '山海关区某中学'),
      fiscalYear: YEAR,
    });
    await seedOrganisations(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: UNIT });
    otherUnit = await signIn(app, getDb(), { role: 'unit', orgCode: OTHER_UNIT });
    department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    otherDepartment = await signIn(app, getDb(), { role: 'department', orgCode: '712' });
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  it('bureau issues, the unit replies with a file, the bureau reopens, the unit replies again, the bureau closes', async () => {
    const issued = await post(bureau, `${base}/notices`, {
      projectCode: PGN6,
      body: '补助金发放率低于目标',
      requirement: '说明原因并补发',
      deadline: FUTURE,
    });
    expect(issued.statusCode).toBe(200);
    const notice = issued.json<Notice>();
    expect(notice).toMatchObject({ state: '待整改', projectCode: PGN6, issuerOrg: 'SHG-CZJ', overdue: false });
    expect(await kinds(unit)).toContain('rectification-issued');
    const at = `${base}/notices/${notice.id}`;

    const file = await unit.inject({
      method: 'POST',
      url: `${at}/evidence?fileName=${encodeURIComponent('补发名单.pdf')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: PDF,
    });
    expect(file.statusCode).toBe(200);
    const [stored] = file.json<Notice>().files;
    expect(stored).toMatchObject({ fileName: '补发名单.pdf', mediaType: 'application/pdf', size: PDF.length });
    const download = await bureau.inject(`${at}/evidence/${stored!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const replied = await post(unit, `${at}/reply`, { state: '已整改', reply: '已补发并附名单' });
    expect(replied.json<Notice>()).toMatchObject({ state: '已整改', reply: '已补发并附名单' });
    expect(await kinds(bureau)).toContain('rectification-replied');

    const reopened = await post(bureau, `${at}/decision`, { decision: 'reopen', reason: '名单缺少签字' });
    expect(reopened.json<Notice>()).toMatchObject({ state: '待整改', reopenReason: '名单缺少签字' });
    expect(await kinds(unit)).toContain('rectification-reopened');

    await post(unit, `${at}/reply`, { state: '已整改', reply: '已补签字' });
    const closed = await post(bureau, `${at}/decision`, { decision: 'close' });
    expect(closed.json<Notice>().state).toBe('已销号');
    const late = await post(unit, `${at}/reply`, { state: '整改中', reply: '再补充' });
    expect(late.statusCode).toBe(409);

    const result = (await unit.inject(base)).json<UnitResult>();
    expect(result.notices.map((n) => n.state)).toEqual(['已销号']);
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'rectification')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'issue-rectification',
      'upload-rectification-evidence',
      'reply-rectification',
      'reopen-rectification',
      'reply-rectification',
      'close-rectification',
    ]);
  });

  it('refuses the unit issuing, other units and departments seeing, a past deadline, a department closing the bureau’s', async () => {
    const body = { body: '问题', requirement: '要求', deadline: FUTURE };
    expect((await post(unit, `${base}/notices`, body)).statusCode).toBe(403);
    expect((await post(otherDepartment, `${base}/notices`, body)).statusCode).toBe(403);
    expect((await post(bureau, `${base}/notices`, { ...body, deadline: '2001-01-01' })).statusCode).toBe(400);
    const notice = (await post(bureau, `${base}/notices`, body)).json<Notice>();
    expect((await otherUnit.inject(base)).statusCode).toBe(403);
    expect((await otherDepartment.inject(base)).statusCode).toBe(403);
    const at = `${base}/notices/${notice.id}`;
    expect((await post(otherUnit, `${at}/reply`, { state: '整改中', reply: 'x' })).statusCode).toBe(403);
    expect((await post(bureau, `${at}/reply`, { state: '整改中', reply: 'x' })).statusCode).toBe(403);
    await post(unit, `${at}/reply`, { state: '已整改', reply: '完成' });
    expect((await post(department, `${at}/decision`, { decision: 'close' })).statusCode).toBe(403);

    const list = async (client: TestClient, query = '') =>
      (await client.inject(`/api/results?year=${YEAR}${query}`)).json<ResultPage>();
    expect((await list(bureau)).items.find((r) => r.unitCode === UNIT)!.notices).toEqual({
      open: 0,
      overdue: 0,
      done: 1,
      closed: 0,
    });
    expect((await list(department)).items.map((r) => r.unitCode)).toEqual([UNIT]);
    expect((await list(otherDepartment)).items).toEqual([]);
    expect((await list(bureau, '&status=已整改')).total).toBe(1);
    expect((await list(bureau, '&status=待整改')).total).toBe(0);
  });

  it('lists an overdue notice on the bureau’s and the department’s workbench, and as due on the unit’s', async () => {
    await issueRectification(getDb(), bureauActor, {
      unitCode: UNIT,
      fiscalYear: YEAR,
      body: '满意度未达标',
      requirement: '开展回访',
      deadline: '2020-03-01',
      today: '2020-02-01',
    });
    const items = async (client: TestClient) =>
      (await client.inject(`/api/workbench?year=${YEAR}`)).json<Workbench>().sections.flatMap((s) => s.items);
    for (const reviewer of [bureau, department]) {
      expect((await items(reviewer)).filter((i) => i.kind === 'rectification-overdue')).toEqual([
        expect.objectContaining({ unitCode: UNIT, fiscalYear: YEAR, page: 'rectification', overdue: true }),
      ]);
    }
    expect((await items(unit)).find((i) => i.kind === 'rectification-reply')).toMatchObject({ dueDate: '2020-03-01' });
    expect((await items(otherUnit)).some((i) => i.kind.startsWith('rectification'))).toBe(false);
    const overdue = (await bureau.inject(`/api/results?overdue=true`)).json<ResultPage>();
    expect(overdue.items.map((r) => [r.unitCode, r.notices.overdue])).toEqual([[UNIT, 1]]);
  });

  it("shows last year's grade and open notices beside this year's projects, and flags a 差 in the review", async () => {
    await bookSeedSpending(getDb(), UNIT, YEAR);
    const poor = DEMO_EVALUATION.projects.map((p) =>
      p.code === PGN6
        ? {
            code: PGN6,
            indicators: [
              { name: '补助金发放率', actual: '10%', deviationReason: '资金未到位' },
              { name: '补助人群生活改善情况', actual: '10%', deviationReason: '资金未到位' },
              { name: '群众满意度', actual: '20/200', deviationReason: '资金未到位' },
            ],
          }
        : p,
    );
    await saveEvaluation(getDb(), SYSTEM_ACTOR, { unitCode: UNIT, fiscalYear: YEAR, projects: poor });
    await post(bureau, `${base}/notices`, { projectCode: PGN6, body: '得分低', requirement: '整改', deadline: FUTURE });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: YEAR + 1 });

    const next = `/api/units/${UNIT}/years/${YEAR + 1}`;
    const previous = (await unit.inject(`${next}/previous-actuals`)).json<PreviousActualsResponse>();
    expect(previous.projects.find((p) => p.projectCode === PGN6)).toMatchObject({
      grade: '差',
      matchedBy: 'code',
      openNotices: 1,
    });
    const review = (await department.inject(`${next}/review`)).json<{
      report: { findings: { rule: string; project: string }[] };
    }>();
    expect(review.report.findings.filter((f) => f.rule === 'feasibility.last-year-poor').map((f) => f.project)).toEqual(
      [PGN6],
    );
    const result = (await bureau.inject(base)).json<UnitResult>();
    expect(result.projects.find((p) => p.code === PGN6)!.grade).toBe('差');
    expect(result.problems.filter((p) => p.projectCode === PGN6).map((p) => p.kind)).toEqual(
      expect.arrayContaining(['low-grade', 'missed-indicator']),
    );
  });
});
