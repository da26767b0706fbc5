import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClient } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { resetEvaluatedSeedYear, signInEvaluationParties } from '../../../test/evaluated-seed-year.ts';
import type { Evaluation } from '../../contract/evaluation.ts';
import { MAX_EVIDENCE_BYTES } from '../../domain/evaluation/evidence.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { buildServer } from '../app.ts';

const base = '/api/units/711002/years/2020/evaluation';
const MQNI = '711-0403-JBN-MQNI';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const errorOf = (response: LightMyRequestResponse) =>
  (response.json() as { error: { code: string; message: string } }).error;

/** 自评 as a procedure (decision 035): submit → lock → review/return → 复核 sample → re-score → finalise → reopen. */
describeEachEngine('evaluation procedure API', (getDb) => {
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

  const save = (version: number, extra: Record<string, unknown> = {}) =>
    unit.inject({
      method: 'PUT',
      url: base,
      headers: { 'if-match': `"${version}"` },
      payload: { ...DEMO_EVALUATION, ...extra },
    });
  const post = (client: TestClient, url: string, payload: unknown = {}) =>
    client.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
  const read = async () => (await unit.inject(base)).json() as Evaluation;
  const auditOf = (action: string) =>
    getDb()
      .kysely.selectFrom('audit_log')
      .select(['actor_name', 'before', 'after'])
      .where('action', '=', action)
      .execute();

  it('walks submit → lock → return → resubmit → approve → 复核 re-score → finalise → reopen → save', async () => {
    const submitted = await save(0, { submit: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', meanScore: 97.17 });

    // Locked: a save is refused and what was stored stays.
    const locked = await save((submitted.json() as Evaluation).version);
    expect(locked.statusCode).toBe(423);
    expect(errorOf(locked)).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/已提交.*已锁定/) });
    expect(await read()).toMatchObject({ status: 'submitted', meanScore: 97.17 });

    // The unit may not review its own; a return needs a comment.
    expect((await post(unit, `${base}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect(errorOf(await post(department, `${base}/review`, { decision: 'return' })).code).toBe('VALIDATION');
    const returned = await post(department, `${base}/review`, { decision: 'return', comment: '请补充满意度调查依据' });
    expect(returned.json()).toMatchObject({ status: 'draft', reviewComment: '请补充满意度调查依据' });

    const again = await save((returned.json() as Evaluation).version, { submit: true });
    expect(again.json()).toMatchObject({ status: 'submitted', reviewComment: '' });
    expect((await post(department, `${base}/review`, { decision: 'approve' })).json()).toMatchObject({
      status: 'reviewed',
    });

    // 复核: the department may not draw the sample; the bureau draws it by rule (mean ≥ 90).
    expect(
      (await post(department, '/api/bureau/years/2020/evaluation/sample', { method: 'rule', rules: ['high-score'] }))
        .statusCode,
    ).toBe(403);
    const sample = await post(bureau, '/api/bureau/years/2020/evaluation/sample', {
      method: 'rule',
      rules: ['high-score'],
    });
    expect(sample.json()).toMatchObject({ candidates: 1, selected: ['711002'] });
    expect(await read()).toMatchObject({ status: 'reviewed', recheck: true });
    // A selected one is not finalised by the batch.
    expect((await post(bureau, '/api/bureau/years/2020/evaluation/finalise')).json()).toMatchObject({ finalised: [] });

    // Re-score: a reason is required; the unit's and the bureau's values are both kept.
    const change = { project: MQNI, name: '免费健康体检率', actual: '60%' };
    expect(errorOf(await post(bureau, `${base}/rescore`, { indicators: [{ ...change, reason: ' ' }] })).code).toBe(
      'VALIDATION',
    );
    const rescored = await post(bureau, `${base}/rescore`, {
      indicators: [{ ...change, reason: '体检名单核对后实际为 60%' }],
    });
    expect(rescored.statusCode).toBe(200);
    const view = rescored.json() as Evaluation;
    const project = view.projects.find((p) => p.code === MQNI)!;
    const k = project.indicators.findIndex((i) => i.name === '免费健康体检率');
    expect(project.indicators[k]).toMatchObject({
      actual: '80%',
      recheck: { actual: '60%', reason: '体检名单核对后实际为 60%', recordedBy: bureau.username },
    });
    const unitPoints = project.indicators[k]!.recheck!.unitPoints!;
    const bureauPoints = project.score.indicators[k]!.points!;
    expect(bureauPoints).toBeLessThan(unitPoints);
    expect(project.unitScore!.score).toBeGreaterThan(project.score.score);
    const [rescoreAudit] = await auditOf('rescore-evaluation');
    expect((rescoreAudit!.after as { scoreChanges: unknown[] }).scoreChanges).toContainEqual({
      project: MQNI,
      item: '免费健康体检率',
      before: unitPoints,
      after: bureauPoints,
    });

    const final = await post(bureau, `${base}/finalise`);
    expect(final.json()).toMatchObject({ status: 'final' });
    const refused = await save((final.json() as Evaluation).version);
    expect(refused.statusCode).toBe(423);
    expect(errorOf(refused).message).toMatch(/已定稿/);

    // Reopen: bureau only, with a reason, audited; the unit may save again.
    expect((await post(department, `${base}/reopen`, { reason: '复查' })).statusCode).toBe(403);
    expect(errorOf(await post(bureau, `${base}/reopen`, { reason: '' })).code).toBe('VALIDATION');
    const reopened = await post(bureau, `${base}/reopen`, { reason: '审计发现执行数有误' });
    expect(reopened.json()).toMatchObject({ status: 'draft', reviewComment: '审计发现执行数有误' });
    expect(await auditOf('reopen-evaluation')).toEqual([
      {
        actor_name: bureau.username,
        before: { status: 'final' },
        after: { status: 'draft', reason: '审计发现执行数有误' },
      },
    ]);
    const saved = await save((reopened.json() as Evaluation).version);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft' });
  });

  it('finalises the unselected department-reviewed ones in a batch', async () => {
    await save(0, { submit: true });
    await post(department, `${base}/review`, { decision: 'approve' });
    const random = await post(bureau, '/api/bureau/years/2020/evaluation/sample', {
      method: 'random',
      share: 0.01,
      seed: 7,
    });
    // One candidate, a share rounded up: it is drawn.
    expect(random.json()).toMatchObject({ candidates: 1, selected: ['711002'] });
    await getDb().kysely.updateTable('evaluation_unit_years').set({ recheck: false }).execute();
    const batch = await post(bureau, '/api/bureau/years/2020/evaluation/finalise');
    expect(batch.json()).toEqual({ fiscalYear: 2020, finalised: ['711002'] });
    expect((await read()).status).toBe('final');
  });

  it('records the 执行数 split and refuses one that does not add up, keeping what was stored', async () => {
    const first = await save(0);
    const version = (first.json() as Evaluation).version;
    // Ledger default: all the seed's spending is booked as 财政拨款.
    expect((first.json() as Evaluation).projects[0]).toMatchObject({
      spent: '19600.00',
      spentFiscal: '19600.00',
      spentOther: '0.00',
      spentSplit: 'ledger',
    });
    const projects = DEMO_EVALUATION.projects.map((p, i) =>
      i === 0 ? { ...p, spentFiscal: '19000.00', spentOther: '500.00' } : p,
    );
    const wrong = await unit.inject({
      method: 'PUT',
      url: base,
      headers: { 'if-match': `"${version}"` },
      payload: { projects },
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).message).toMatch(/之和应等于全年执行数 19600.00/);
    expect((await read()).projects[0]).toMatchObject({ spentSplit: 'ledger', spentFiscal: '19600.00' });
  });

  it('refuses per-project category points that do not total 100, at the field', async () => {
    const projects = DEMO_EVALUATION.projects.map((p, i) => (i === 0 ? { ...p, categoryPoints: { output: 90 } } : p));
    const response = await unit.inject({
      method: 'PUT',
      url: base,
      headers: { 'if-match': '"0"' },
      payload: { projects },
    });
    expect(response.statusCode).toBe(400);
    const error = (response.json() as { error: { code: string; location: { path: unknown[] } } }).error;
    expect(error.code).toBe('VALIDATION');
    expect(error.location.path.slice(0, 3)).toEqual(['projects', 0, 'categoryPoints']);
    expect((await read()).status).toBe('none');
  });

  describe('证明材料', () => {
    const upload = (client: TestClient, fileName: string, payload: Buffer) =>
      client.inject({
        method: 'POST',
        url: `${base}/projects/${MQNI}/evidence?fileName=${encodeURIComponent(fileName)}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload,
      });

    it('uploads, lists, downloads and deletes a PDF while the 自评表 is a draft', async () => {
      const uploaded = await upload(unit, '体检名单.pdf', PDF);
      expect(uploaded.statusCode).toBe(200);
      const { id } = uploaded.json() as { id: number };
      expect((await read()).projects.find((p) => p.code === MQNI)!.attachments).toMatchObject([
        { id, fileName: '体检名单.pdf', mediaType: 'application/pdf', size: PDF.length },
      ]);
      const download = await unit.inject(`${base}/evidence/${id}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(PDF)).toBe(true);

      await save(0, { submit: true });
      const lockedDelete = await unit.inject({ method: 'DELETE', url: `${base}/evidence/${id}` });
      expect(lockedDelete.statusCode).toBe(423);
    });

    it('refuses a file whose content is not an accepted type, whatever its name, and an oversized one', async () => {
      const exe = await upload(unit, 'report.pdf', Buffer.from('MZ\x90\x00 this is a program'));
      expect(exe.statusCode).toBe(400);
      expect(errorOf(exe).message).toMatch(/文件类型不受支持.*按文件内容判断/);
      const zip = await upload(unit, 'archive.docx', Buffer.from('PK\x03\x04 not an office file'));
      expect(errorOf(zip).message).toMatch(/文件类型不受支持/);
      const big = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES)]);
      const tooBig = await upload(unit, 'big.pdf', big);
      expect(tooBig.statusCode).toBe(400);
      expect(errorOf(tooBig).message).toMatch(/过大.*不能超过 10 MB/);
      expect((await read()).projects.find((p) => p.code === MQNI)!.attachments).toEqual([]);
    });

    it('packs the 自评表 and the evidence into the unit-year’s 自评 package', async () => {
      await upload(unit, '体检名单.pdf', PDF);
      const zip = await unit.inject(`${base}/package.zip`);
      expect(zip.statusCode).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
      const bytes = zip.rawPayload;
      expect(bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))).toBe(true);
      expect(bytes.includes(Buffer.from(`证明材料/${MQNI}/`))).toBe(true);
      expect(bytes.includes(Buffer.from('项目支出绩效自评表.docx'))).toBe(true);
    });

    it('deletes one and audits upload and delete', async () => {
      const { id } = (await upload(unit, 'photo.png', Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).json() as {
        id: number;
      };
      expect((await unit.inject({ method: 'DELETE', url: `${base}/evidence/${id}` })).statusCode).toBe(204);
      expect((await unit.inject(`${base}/evidence/${id}`)).statusCode).toBe(404);
      expect((await auditOf('upload-evaluation-evidence')).length).toBe(1);
      expect((await auditOf('delete-evaluation-evidence')).length).toBe(1);
    });
  });
});
