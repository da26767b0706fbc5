import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { resetEvaluatedSeedYear, signInEvaluationParties } from '../../../test/evaluated-seed-year.ts';
import type { SelfReportView } from '../../contract/self-report.ts';
import type { Evaluation } from '../../contract/evaluation.ts';
import { readZipSafely } from '../../documents/zip-guard.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { buildServer } from '../app.ts';

const unitYear = '/api/units/711002/years/2020';
const report = `${unitYear}/self-report`;
const MQNI = '711-0403-JBN-MQNI';

/** 自评报告 (decision 046): generated text, edits with compare-and-set, files, frozen at final, editable after reopen. */
describeEachEngine('self-report API', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let department: TestClient;
  let bureau: TestClient;
  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  beforeEach(async () => {
    await resetEvaluatedSeedYear(getDb());
    ({ unit, department, bureau } = await signInEvaluationParties(app, getDb()));
  });

  const view = async (query = '') => {
    const response = await unit.inject(`${report}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SelfReportView;
  };
  const edit = (section: string, payload: Record<string, unknown>) =>
    unit.inject({ method: 'PUT', url: `${report}/sections/${section}`, payload });

  it('edits a section with compare-and-set, prints it, restores the generated text', async () => {
    const department0 = await view();
    expect(department0.sections.map((s) => s.heading)).toEqual([
      '一、基本情况',
      '二、绩效目标及完成情况',
      '三、偏差原因分析',
      '四、存在问题及改进措施',
      '五、结果应用',
    ]);
    expect(department0).toMatchObject({ project: null, editable: true, version: null, versions: [] });
    expect(department0.sections[0]!.text).toMatch(/纳入绩效自评的项目共 \d+ 个/);

    const project = await view(`?project=${MQNI}`);
    expect(project.sections[0]!.text).toContain(MQNI);
    expect(project.completion.length).toBeGreaterThan(0);

    const first = await edit('results', { project: MQNI, text: '结果用于下一年度体检项目预算。', expectedVersion: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ version: 1 });
    const stale = await edit('results', { project: MQNI, text: '另一人的修改', expectedVersion: 0 });
    expect(stale.statusCode).toBe(409);
    const edited = (await view(`?project=${MQNI}`)).sections.find((s) => s.key === 'results')!;
    expect(edited).toMatchObject({ text: '结果用于下一年度体检项目预算。', edited: true, version: 1 });
    expect(edited.generated).toMatch(/具体应用措施：未填写/);
    // The department's report keeps its own text.
    expect((await view()).sections.find((s) => s.key === 'results')!.edited).toBe(false);

    const docx = await unit.inject(`${report}?project=${MQNI}&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const parts = await readZipSafely(docx.rawPayload, { fileName: 'r.docx' });
    expect(parts.get('word/document.xml')!.toString('utf8')).toContain('结果用于下一年度体检项目预算。');
    expect([...parts.keys()].filter((name) => name.startsWith('word/media/')).length).toBe(2);
    const pdf = await unit.inject(`${report}?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const restored = await edit('results', { project: MQNI, text: null, expectedVersion: 1 });
    expect(restored.json()).toEqual({ version: 0 });
    expect((await view(`?project=${MQNI}`)).sections.find((s) => s.key === 'results')!.edited).toBe(false);
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'self-report')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['edit-self-report', 'restore-self-report']);
    // Another unit's user may not edit.
    const other = await signIn(app, getDb(), { role: 'unit', orgCode: '711001' });
    const foreign = await other.inject({
      method: 'PUT',
      url: `${report}/sections/basics`,
      payload: { text: 'x', expectedVersion: 0 },
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('freezes with the final 自评表 and is editable again after reopen', async () => {
    await edit('basics', { text: '本单位的基本情况（已修改）。', expectedVersion: 0 });
    // A 整改通知 (decision 048) is stated in 结果应用 as it stands; the frozen version keeps the state it had.
    const issued = await bureau.inject({
      method: 'POST',
      url: `${unitYear}/results/notices`,
      payload: { projectCode: MQNI, body: '体检率低于目标', requirement: '说明原因', deadline: '2099-12-31' },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const noticeLine =
      '整改通知：问题：体检率低于目标；整改要求：说明原因；整改期限：2099-12-31；状态：待整改；单位答复：未填写。';
    const resultsOf = async (query: string) => (await view(query)).sections.find((s) => s.key === 'results')!.text;
    expect(await resultsOf(`?project=${MQNI}`)).toContain(noticeLine);
    expect(await resultsOf('')).toContain('关于“');
    const saved = await unit.inject({
      method: 'PUT',
      url: `${unitYear}/evaluation`,
      headers: { 'if-match': '"0"' },
      payload: { ...DEMO_EVALUATION, submit: true },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const post = (client: TestClient, url: string, payload: Record<string, unknown> = {}) =>
      client.inject({ method: 'POST', url: `${unitYear}/evaluation/${url}`, payload });
    expect((await post(department, 'review', { decision: 'approve' })).statusCode).toBe(200);
    const final = await post(bureau, 'finalise');
    expect(final.json()).toMatchObject({ status: 'final' } satisfies Partial<Evaluation>);

    const frozen = await view();
    expect(frozen).toMatchObject({ editable: false, version: 1, evaluationStatus: 'final' });
    expect(frozen.versions).toEqual([expect.objectContaining({ version: 1, frozenBy: bureau.username })]);
    expect(frozen.sections[0]!.text).toBe('本单位的基本情况（已修改）。');
    const locked = await edit('basics', { text: '定稿后再改', expectedVersion: 1 });
    expect(locked.statusCode).toBe(423);
    const notice = issued.json<{ id: number }>();
    const replied = await unit.inject({
      method: 'POST',
      url: `${unitYear}/results/notices/${notice.id}/reply`,
      payload: { state: '已整改', reply: '已复查' },
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(await resultsOf(`?project=${MQNI}`)).toContain(noticeLine);

    expect((await post(bureau, 'reopen', { reason: '执行数有误' })).statusCode).toBe(200);
    const reopened = await view();
    expect(reopened).toMatchObject({ editable: true, version: null });
    expect((await edit('basics', { text: '重新修改。', expectedVersion: 1 })).statusCode).toBe(200);
    // The frozen version stays readable by number.
    expect((await view('?version=1')).sections[0]!.text).toBe('本单位的基本情况（已修改）。');
    expect(await resultsOf(`?project=${MQNI}`)).toContain('状态：已整改；单位答复：已复查。');
  });
});
