import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { insertJob } from '../../db/jobs.repo.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

describeEachEngine('job routes', (getDb) => {
  let app: FastifyInstance;
  let bureau: TestClient;
  let department: TestClient;

  beforeAll(async () => {
    await clearDatabase(getDb());
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区第一中学'),
      fiscalYear: 2020,
    });
    await seedOrganisations(getDb());
    bureau = await signIn(app, getDb(), { role: 'bureau' });
    department = await signIn(app, getDb(), { role: 'department' });
  });

  it('names the bulk export’s job in X-Jixiao-Job and reports it finished with done = total', async () => {
    const response = await bureau.inject({ method: 'GET', url: '/api/bureau/years/2020/export.zip?format=json' });
    expect(response.statusCode).toBe(200);
    const jobId = response.headers['x-jixiao-job'] as string;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['access-control-expose-headers']).toContain('X-Jixiao-Job');
    // The zip's last byte is sent before the job row is marked finished: poll as the web does.
    let job = (await bureau.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    for (let i = 0; i < 50 && job.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await bureau.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    }
    expect(job).toEqual({ id: jobId, kind: 'export-bulk', state: 'succeeded', done: 2, total: 2, error: null });
  });

  it('shows a job only to its owner (not found for others, 401 without a session, 400 for a malformed id)', async () => {
    const jobId = (await bureau.inject({ method: 'GET', url: '/api/bureau/years/2020/export.zip?format=text' }))
      .headers['x-jixiao-job'] as string;
    expect((await department.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).statusCode).toBe(401);
    expect((await bureau.inject({ method: 'GET', url: '/api/jobs/not-a-uuid' })).statusCode).toBe(400);
    // A job the CLI started (no owner) is nobody's to watch over HTTP but an administrator's.
    const cliJob = await insertJob(getDb().kysely, { kind: 'export-bulk', ownerId: null, orgCode: '', total: 5 });
    expect((await bureau.inject({ method: 'GET', url: `/api/jobs/${cliJob}` })).statusCode).toBe(404);
    const admin = await signIn(app, getDb(), { role: 'admin' });
    expect((await admin.inject({ method: 'GET', url: `/api/jobs/${cliJob}` })).json()).toMatchObject({
      state: 'running',
      done: 0,
      total: 5,
    });
  });
});
