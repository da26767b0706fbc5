import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { seedOrganisations, signIn } from '../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { importTargets } from '../usecases/import-targets.ts';
import { buildServer } from './app.ts';

/** Issue 17 item 5: what users read names the field in words, never an internal key or zod's wording. */
const base = '/api/units/711002/years/2020';
const P = '711-0701-JBN-PGN6';

interface ErrorBody {
  error: { code: string; message: string; issues: { path: string[]; message: string }[]; details?: unknown };
}

describeEachEngine('plain, located messages', (getDb) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(getDb());
  });

  it('answers a bad project save with a Chinese sentence naming the field, the path kept for the form', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const read = await unit.inject(`${base}/projects/${encodeURIComponent(P)}`);
    const { project } = read.json<{ project: Record<string, unknown> & { indicators: object[] } }>();
    const [first, second] = project.indicators as Record<string, unknown>[];
    const bad = {
      ...project,
      name: '',
      spendingPlan: [{ month: 13, cumulativePercent: 50 }],
      indicators: [first, { ...second, target: { raw: 90 } }],
    };
    const response = await unit.inject({
      method: 'PUT',
      url: `${base}/projects/${encodeURIComponent(P)}`,
      headers: { 'if-match': read.headers.etag as string },
      payload: bad,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<ErrorBody>();
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('“项目名称”不能为空（另有 2 处问题）');
    // Each issue also carries the rule's facts, for the web to word it in English (decision 043).
    expect(error.issues).toEqual([
      { path: ['name'], message: '“项目名称”不能为空', rule: 'required', within: 'projects' },
      {
        path: ['spendingPlan', '0', 'month'],
        message: '第 1 个用款计划的“月份”不能大于 12',
        rule: 'too-big',
        limit: 12,
        within: 'projects',
      },
      {
        path: ['indicators', '1', 'target', 'raw'],
        message: '第 2 个指标的“指标值”应为文字',
        rule: 'type',
        expected: 'string',
        within: 'projects',
      },
    ]);
    expect(response.body).not.toMatch(/期望|expected number|invalid/i);
  });

  it('refuses a step the state does not allow with a stable reason and its facts beside the sentence', async () => {
    const department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    const response = await department.inject({ method: 'POST', url: `${base}/workflow/approve`, payload: {} });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    const { error } = response.json<ErrorBody>();
    expect(error.details).toMatchObject({
      reason: expect.stringMatching(/^workflow\./),
      state: 'draft',
      action: 'approve',
    });
    expect(error.message).toMatch(/当前状态为「草稿」/);
  });

  it("refuses a role's missing permission in words, the permission id only in details", async () => {
    const auditor = await signIn(app, getDb(), { role: 'auditor' });
    const response = await auditor.inject({
      method: 'POST',
      url: `${base}/projects`,
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    const { error } = response.json<ErrorBody>();
    expect(error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'targets:edit' } });
    expect(error.message).toBe('您的账号无权修改绩效目标（单位 711002）');
  });
});
