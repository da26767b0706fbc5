import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { resetEvaluatedSeedYear, signInEvaluationParties } from '../../../test/evaluated-seed-year.ts';
import type { DepartmentEvaluation } from '../../contract/department-evaluation.ts';
import { type DocxTable, bodyOf, readBody } from '../../documents/docx/docx-body.ts';
import { parseXmlSafely } from '../../documents/xml-guard.ts';
import { readZipSafely } from '../../documents/zip-guard.ts';
import { loadDemoDepartmentEvaluation } from '../../usecases/load-demo-department-evaluation.ts';
import { buildServer } from '../app.ts';

const unitYear = '/api/units/711002/years/2020';
const base = `${unitYear}/department-evaluation`;
const INDICATORS = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '参赛单位',
    description: '',
    target: { raw: '≥60家' },
    basis: '计划标准',
  },
  {
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '职工满意度',
    description: '',
    target: { raw: '≥90%' },
    basis: '计划标准',
  },
];

const errorOf = (response: LightMyRequestResponse) =>
  (response.json() as { error: { code: string; message: string; location?: unknown } }).error;

async function docxTables(bytes: Buffer): Promise<DocxTable[]> {
  const part = 'word/document.xml';
  const files = await readZipSafely(bytes, { fileName: 'r.docx' });
  const root = parseXmlSafely(files.get(part)!, { fileName: 'r.docx', part, parser: { preserveOrder: true } });
  return readBody(bodyOf(root as Record<string, unknown>[])!).filter((b): b is DocxTable => b.kind === 'table');
}

/** 部门整体绩效 (decision 045): overall indicators, the 整体自评表's save, 409, procedure by role, 423, export. */
describeEachEngine('department evaluation API', (getDb) => {
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
    const targets = await unit.inject(`${unitYear}/targets`);
    const saved = await unit.inject({
      method: 'PUT',
      url: `${unitYear}/overall-indicators`,
      headers: { 'if-match': targets.headers.etag as string },
      payload: { indicators: INDICATORS, budget: { total: null, fiscal: '500000.00', other: '0.00' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  const read = async () => (await unit.inject(base)).json() as DepartmentEvaluation;
  const filled = (view: DepartmentEvaluation) => ({
    ...view.form,
    budget: {
      fiscal: { initial: '500000.00', adjusted: '500000.00', spent: '480000.00' },
      other: { initial: '0.00', adjusted: '0.00', spent: '0.00' },
    },
    summary: '全年目标基本完成',
    indicators: [
      { name: '参赛单位', actual: '62家' },
      { name: '职工满意度', actual: '95%' },
    ],
    management: view.form.management.map((m) => ({ key: m.key, score: '5', reason: '' })),
  });
  const save = (client: TestClient, version: number, form: unknown, submit = false) =>
    client.inject({ method: 'PUT', url: base, headers: { 'if-match': `"${version}"` }, payload: { form, submit } });
  const post = (client: TestClient, step: string, payload: Record<string, unknown> = {}) =>
    client.inject({ method: 'POST', url: `${base}/${step}`, payload });

  it('stores the overall indicators in the targets and pre-fills the form from them', async () => {
    const targets = (await unit.inject(`${unitYear}/targets`)).json() as {
      overall: { indicators: { category: string }[] };
    };
    expect(targets.overall.indicators.map((i) => i.category)).toEqual(['output', 'satisfaction']);
    const view = await read();
    expect(view).toMatchObject({ status: 'none', version: 0 });
    expect(view.form.budget.fiscal.initial).toBe('500000.00');
    expect(view.form.indicators.map((i) => i.name)).toEqual(['参赛单位', '职工满意度']);
    expect(view.form.management).toHaveLength(4);
  });

  it('saves, refuses a stale save with who, submits, locks, returns with a comment, approves, re-scores, finalises', async () => {
    const first = await read();
    const draft = await save(unit, 0, filled(first));
    expect(draft.statusCode, draft.body).toBe(200);
    const saved = draft.json() as DepartmentEvaluation;
    expect(saved).toMatchObject({ status: 'draft', version: 1 });
    // No 效益 indicator: its 30 points are rescaled away (10号), so 96 % execution costs 0.4 × 100/70; × 0.8; + 20.
    expect(saved.score).toMatchObject({ total: 99.54, grade: '优', incomplete: false });
    expect(saved.score.budget[0]).toMatchObject({ source: 'total', carryOver: '20000.00', rate: 96 });

    const stale = await save(unit, 0, filled(first));
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).message).toContain(unit.username);

    const incomplete = { ...filled(first), management: [] };
    const refused = await save(unit, 1, incomplete, true);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused)).toMatchObject({
      code: 'VALIDATION',
      location: { path: ['form', 'management', 0, 'score'] },
    });

    const submitted = await save(unit, 1, filled(first), true);
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    expect((await save(unit, 2, filled(first))).statusCode).toBe(423);
    const bench = (await department.inject('/api/workbench?year=2020')).json() as {
      sections: { items: { kind: string; page: string }[] }[];
    };
    expect(bench.sections.flatMap((s) => s.items)).toContainEqual(
      expect.objectContaining({ kind: 'department-evaluation-review', page: 'department-evaluation' }),
    );
    expect((await post(unit, 'review', { decision: 'approve' })).statusCode).toBe(403);

    const returned = await post(department, 'review', { decision: 'return', comment: '请补充资产清查情况' });
    expect(returned.json()).toMatchObject({ status: 'draft', reviewComment: '请补充资产清查情况' });
    const notices = await getDb().kysely.selectFrom('notifications').select('kind').execute();
    expect(notices.map((n) => n.kind)).toContain('department-evaluation-returned');

    const again = await save(unit, (returned.json() as DepartmentEvaluation).version, filled(first), true);
    expect(again.json()).toMatchObject({ status: 'submitted' });
    expect((await post(bureau, 'finalise')).statusCode).toBe(409);
    expect((await post(department, 'review', { decision: 'approve' })).json()).toMatchObject({ status: 'reviewed' });
    expect((await post(department, 'finalise')).statusCode).toBe(403);

    const lower = {
      ...filled(first),
      management: filled(first).management.map((m, i) => (i ? m : { ...m, score: '3', reason: '预算编制依据不足' })),
    };
    const rescored = await post(bureau, 'rescore', { form: lower, reason: '抽查发现预算编制测算依据不全' });
    expect(rescored.statusCode, rescored.body).toBe(200);
    expect(rescored.json()).toMatchObject({ status: 'reviewed', score: { total: 97.54 }, unitScore: { total: 99.54 } });

    const final = await post(bureau, 'finalise');
    expect(final.json()).toMatchObject({ status: 'final' });
    expect((await post(bureau, 'reopen', { reason: '' })).statusCode).toBe(400);
    const reopened = await post(bureau, 'reopen', { reason: '更正执行数' });
    expect(reopened.json()).toMatchObject({ status: 'draft', reviewComment: '更正执行数' });

    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'department-evaluation')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'save-department-evaluation',
      'submit-department-evaluation',
      'return-department-evaluation',
      'submit-department-evaluation',
      'approve-department-evaluation',
      'rescore-department-evaluation',
      'finalise-department-evaluation',
      'reopen-department-evaluation',
    ]);
  });

  it('refuses writes in a closed year (423) and exports the form as Word, Excel and PDF', async () => {
    expect((await save(unit, 0, filled(await read()))).statusCode).toBe(200);
    const close = await bureau.inject({ method: 'POST', url: '/api/years/2020/close', payload: {} });
    expect(close.statusCode, close.body).toBe(200);
    const locked = await save(unit, 1, filled(await read()));
    expect(locked.statusCode).toBe(423);

    const docx = await unit.inject(`${base}/export?format=docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    const [table] = await docxTables(docx.rawPayload);
    const texts = table!.rows.flatMap((r) => r.map((c) => c.text));
    expect(texts).toEqual(
      expect.arrayContaining(['年度资金总额', '结转结余', '20,000.00', '参赛单位', '62家', '预算编制']),
    );
    expect(texts.some((t) => t.includes('99.54'))).toBe(true);
    const xlsx = await unit.inject(`${base}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await unit.inject(`${base}/export?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the demo step gives the seed unit overall indicators from its narrative and a scored draft', async () => {
    await loadDemoDepartmentEvaluation(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    const view = await read();
    expect(view.indicators.length).toBeGreaterThan(3);
    expect(view.indicators.every((i) => i.level1 === '产出指标' && i.target.raw !== '')).toBe(true);
    expect(view).toMatchObject({ status: 'draft', version: 1 });
    expect(view.score.management[0]).toMatchObject({ score: 4, reason: '部分项目测算依据不够细' });
    expect(view.score.total).toBeGreaterThan(80);
  });
});
