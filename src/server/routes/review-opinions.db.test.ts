import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import {
  OTHER_UNIT,
  UNIT,
  YEAR,
  loadWorkflowFixture,
  opinionBody,
  opinionItems,
} from '../../../test/workflow-fixtures.ts';
import type { OpinionGrade } from '../../domain/review/opinion.ts';
import { readZipSafely } from '../../documents/zip-guard.ts';
import { buildServer } from '../app.ts';

const PGN6 = '711-0701-JBN-PGN6';
const urls = (unitCode: string) => {
  const base = `/api/units/${unitCode}/years/${YEAR}`;
  return { flow: `${base}/workflow`, opinions: `${base}/review-opinions`, export: `${base}/export/review-opinions` };
};

describeEachEngine('review opinion forms API (财预〔2015〕88号)', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let otherUnit: TestClient;
  let department: TestClient;
  let otherDepartment: TestClient;
  let bureau: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await clearDatabase(getDb());
    await loadWorkflowFixture(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: UNIT });
    otherUnit = await signIn(app, getDb(), { role: 'unit', orgCode: OTHER_UNIT });
    department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    otherDepartment = await signIn(app, getDb(), { role: 'department', orgCode: '712' });
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  const step = (client: TestClient, unitCode: string, path: string, payload: object = {}) =>
    client.inject({ method: 'POST', url: `${urls(unitCode).flow}/${path}`, payload });
  const record = (client: TestClient, unitCode: string, body: object) =>
    client.inject({ method: 'PUT', url: urls(unitCode).opinions, payload: body });
  const view = async (client: TestClient, unitCode = UNIT) =>
    (await client.inject({ method: 'GET', url: urls(unitCode).opinions })).json();

  /** Forms for every item of the unit at the client's level: `grades` overrides per project code. */
  async function judgeAll(client: TestClient, unitCode: string, grades: Record<string, OpinionGrade> = {}) {
    for (const code of await opinionItems(getDb(), { unitCode, fiscalYear: YEAR })) {
      const response = await record(client, unitCode, opinionBody(code, grades[code ?? ''] ?? '优'));
      expect(response.statusCode, response.body).toBe(200);
    }
  }

  it('records forms at both levels, keeps their history, and shows the rules’ suggestion beside them', async () => {
    expect((await record(department, UNIT, opinionBody(PGN6))).statusCode).toBe(409);
    await step(unit, UNIT, 'submit');
    const before = await view(department);
    expect(before).toMatchObject({
      state: 'submitted',
      round: 1,
      recordLevel: 'department',
      recordBlockedReason: null,
    });
    expect(before.items.at(-1)).toMatchObject({ projectCode: null, name: '部门整体绩效目标', department: null });
    expect(before.items.every((i: { automatedGrade: string | null }) => i.automatedGrade !== null)).toBe(true);
    expect(before.blocking).toHaveLength(before.items.length);
    expect((await view(bureau)).recordLevel).toBeNull();
    expect((await record(bureau, UNIT, opinionBody(PGN6))).statusCode).toBe(403);
    expect((await record(unit, UNIT, opinionBody(PGN6))).statusCode).toBe(403);
    expect((await record(department, UNIT, { ...opinionBody(PGN6), opinion: '' })).statusCode).toBe(400);
    expect((await record(department, UNIT, opinionBody('NO-SUCH-PROJECT'))).statusCode).toBe(404);

    const first = await record(department, UNIT, opinionBody(PGN6, '中'));
    expect(first.json()).toMatchObject({
      level: 'department',
      round: 1,
      overall: '中',
      reviewerName: expect.any(String),
    });
    await judgeAll(department, UNIT);
    expect((await step(department, UNIT, 'review')).statusCode).toBe(200);
    await judgeAll(bureau, UNIT);
    expect((await step(bureau, UNIT, 'approve')).json()).toMatchObject({ state: 'approved' });

    const after = await view(unit);
    expect(after.items.find((i: { projectCode: string }) => i.projectCode === PGN6)).toMatchObject({
      department: { overall: '优', level: 'department' },
      bureau: { overall: '优', level: 'bureau' },
    });
    expect(after.blocking).toEqual([]);
    expect(after.history).toHaveLength(2 * after.items.length + 1);
    expect(after.history.at(-1)).toMatchObject({ id: first.json().id, overall: '中' });
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select('entity_key')
      .where('action', '=', 'record-review-opinion')
      .execute();
    expect(audit).toHaveLength(after.history.length);
  });

  it('never lets a project graded 差 be approved: not by approve, not by batch, not by re-recording the department form', async () => {
    await step(unit, UNIT, 'submit');
    await judgeAll(department, UNIT);
    await step(department, UNIT, 'review');
    await judgeAll(bureau, UNIT, { [PGN6]: '差' });

    const single = await step(bureau, UNIT, 'approve');
    expect(single.statusCode).toBe(409);
    expect(single.json().error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`（${PGN6}）审核结果为“差”：不得进入预算编制`),
      location: { field: 'projectCode' },
    });
    const batch = await bureau.inject({
      method: 'POST',
      url: '/api/workflow/batch',
      payload: { action: 'approve', items: [{ unitCode: UNIT, fiscalYear: YEAR }] },
    });
    expect(batch.json().results).toEqual([
      { unitCode: UNIT, fiscalYear: YEAR, ok: false, code: 'CONFLICT', message: expect.stringContaining('差') },
    ]);
    // The department cannot record once the document waits for the bureau, and its form would not count.
    expect((await record(department, UNIT, opinionBody(PGN6, '优'))).statusCode).toBe(403);
    expect((await step(bureau, UNIT, 'approve')).statusCode).toBe(409);
    expect((await view(bureau)).state).toBe('department-reviewed');
    // 差 goes back to the unit; the next round starts without forms.
    expect((await step(bureau, UNIT, 'return', { comment: '目标需重新编制' })).statusCode).toBe(200);
    await step(unit, UNIT, 'submit');
    const next = await view(department);
    expect(next).toMatchObject({ round: 2, state: 'submitted' });
    expect(next.items.every((i: { department: unknown; bureau: unknown }) => !i.department && !i.bureau)).toBe(true);
    expect((await step(department, UNIT, 'review')).statusCode).toBe(409);
  });

  it('refuses to pass 中 (returned for revision) and 良 without the consultation note', async () => {
    await step(unit, UNIT, 'submit');
    await judgeAll(department, UNIT, { [PGN6]: '中' });
    const middle = await step(department, UNIT, 'review');
    expect(middle.statusCode).toBe(409);
    expect(middle.json().error.message).toContain('退回修改后重新报送');
    expect((await view(department)).blocking).toEqual([
      { projectCode: PGN6, name: expect.any(String), reason: expect.stringContaining('“中”') },
    ]);

    const noNote = await record(department, UNIT, { ...opinionBody(PGN6, '良'), consultationNote: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error).toMatchObject({ location: { field: 'consultationNote' } });
    expect((await record(department, UNIT, opinionBody(PGN6, '良'))).statusCode).toBe(200);
    expect((await step(department, UNIT, 'review')).json()).toMatchObject({ state: 'department-reviewed' });
  });

  it('batch-approves only units whose every item is graded 优 or 良, and reports the others', async () => {
    for (const [client, reviewer, code] of [
      [unit, department, UNIT],
      [otherUnit, otherDepartment, OTHER_UNIT],
    ] as const) {
      await step(client, code, 'submit');
      await judgeAll(reviewer, code);
      await step(reviewer, code, 'review');
    }
    await judgeAll(bureau, UNIT, { [PGN6]: '良' });
    const [otherFirst] = await opinionItems(getDb(), { unitCode: OTHER_UNIT, fiscalYear: YEAR });
    await judgeAll(bureau, OTHER_UNIT, { [otherFirst!]: '中' });
    const batch = await bureau.inject({
      method: 'POST',
      url: '/api/workflow/batch',
      payload: {
        action: 'approve',
        items: [
          { unitCode: UNIT, fiscalYear: YEAR },
          { unitCode: OTHER_UNIT, fiscalYear: YEAR },
          { unitCode: UNIT, fiscalYear: 2019 },
        ],
      },
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results).toEqual([
      { unitCode: UNIT, fiscalYear: YEAR, ok: true, state: 'approved' },
      { unitCode: OTHER_UNIT, fiscalYear: YEAR, ok: false, code: 'CONFLICT', message: expect.stringContaining('“中”') },
      { unitCode: UNIT, fiscalYear: 2019, ok: false, code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    expect((await view(bureau, OTHER_UNIT)).state).toBe('department-reviewed');
    const refused = await getDb()
      .kysely.selectFrom('audit_log')
      .select('entity_key')
      .where('action', '=', 'batch-approve-refused')
      .orderBy('id')
      .execute();
    expect(refused.map((r) => r.entity_key)).toEqual([`${OTHER_UNIT}/${YEAR}`, `${UNIT}/2019`]);
  });

  it('reopens approved targets only after the bureau agrees; a refusal keeps them approved; the diff stays readable', async () => {
    await step(unit, UNIT, 'submit');
    await judgeAll(department, UNIT);
    await step(department, UNIT, 'review');
    await judgeAll(bureau, UNIT);
    await step(bureau, UNIT, 'approve');
    expect((await step(unit, UNIT, 'adjustment', { reason: '追加预算' })).json()).toMatchObject({
      state: 'adjustment-requested',
    });
    expect((await step(unit, UNIT, 'adjustment/agree')).statusCode).toBe(403);
    expect((await step(bureau, UNIT, 'adjustment/reject')).statusCode).toBe(400);
    expect((await step(bureau, UNIT, 'adjustment/reject', { comment: '未见预算调整文件' })).json()).toMatchObject({
      state: 'approved',
    });
    const workflow = (await unit.inject({ method: 'GET', url: urls(UNIT).flow })).json();
    expect(workflow.adjustments).toMatchObject([{ state: 'rejected' }]);
    await step(unit, UNIT, 'adjustment', { reason: '预算调整文件已下达' });
    expect((await step(bureau, UNIT, 'adjustment/agree')).json()).toMatchObject({ state: 'adjusting' });
    const diff = await unit.inject({ method: 'GET', url: `${urls(UNIT).flow}/diff?from=2&to=current` });
    expect(diff.json()).toMatchObject({ from: 2, to: 'current', changes: [] });
  });

  it('treats a document put in review without a recorded submit (generated data) as its first round', async () => {
    const document = await getDb()
      .kysely.selectFrom('target_documents')
      .innerJoin('units', 'units.id', 'target_documents.unit_id')
      .select('target_documents.id')
      .where('units.code', '=', UNIT)
      .executeTakeFirstOrThrow();
    await getDb()
      .kysely.insertInto('target_workflows')
      .values({ document_id: document.id, state: 'department-reviewed', version: 3 })
      .execute();
    expect(await view(bureau)).toMatchObject({ round: 1, recordLevel: 'bureau' });
    await judgeAll(bureau, UNIT);
    expect((await step(bureau, UNIT, 'approve')).json()).toMatchObject({ state: 'approved' });
  });

  it('prints the 绩效目标审核意见表 as Word and PDF', async () => {
    await step(unit, UNIT, 'submit');
    await judgeAll(department, UNIT);
    const word = await department.inject({ method: 'GET', url: `${urls(UNIT).export}.docx` });
    expect(word.statusCode).toBe(200);
    const files = await readZipSafely(word.rawPayload, { fileName: 'o.docx' });
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('完整性');
    expect(xml).toContain(`测试审核意见：${PGN6}评为优。`);
    const pdf = await department.inject({ method: 'GET', url: `${urls(UNIT).export}.pdf?level=department` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(
      (await opinionItems(getDb(), { unitCode: UNIT, fiscalYear: YEAR })).length,
    );
  });
});
