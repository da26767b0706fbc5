import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

/** Decision 023: a payments file is applied against the versions its preview read, like a form. */
const base = '/api/units/711002/years/2020/monitoring';
const P = '711-0701-JBN-PGN6';

describeEachEngine('payments file against its preview’s versions (decision 023)', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    admin = await signIn(app, getDb(), { role: 'admin' });
  });

  it('refuses a file whose booked project changed after the preview (409 naming who), writes nothing, and applies after a new preview', async () => {
    const [other] = seedDocument().projects.filter((p) => p.code !== P);
    const csv = `项目编码,日期,金额\n${P},2020-03-05,2500.00\n${other!.code},2020-04-01,100\n`;
    const payload = {
      fileName: 'pay.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      columns: { projectCode: 'A', date: 'B', amount: 'C' },
    };
    const preview = await unit.inject({ method: 'POST', url: `${base}/payments/preview`, payload });
    expect(preview.statusCode).toBe(200);
    const versions = (preview.json() as { versions: Record<string, number> }).versions;
    expect(versions).toEqual({ [P]: 0, [other!.code]: 0 });

    // Another user enters March of P after the preview was read.
    const saved = await admin.inject({
      method: 'PUT',
      url: `${base}/projects/${encodeURIComponent(P)}/spending`,
      headers: { 'if-match': '"0"' },
      payload: { entries: [{ month: 3, source: 'fiscal', amount: '777.00' }] },
    });
    expect(saved.statusCode).toBe(204);

    const stale = await unit.inject({
      method: 'POST',
      url: `${base}/payments`,
      payload: { ...payload, expectedVersions: versions },
    });
    expect(stale.statusCode).toBe(409);
    const { error } = stale.json() as {
      error: { code: string; details: { changedBy: { username: string } | null; currentVersion: number } };
    };
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ changedBy: { username: admin.username }, currentVersion: 1 });

    type Project = { code: string; version: number; spentToDate: string };
    const projects = async () =>
      ((await unit.inject(`${base}?asOfMonth=4`)).json() as { projects: Project[] }).projects;
    const afterStale = await projects();
    expect(afterStale.find((p) => p.code === P)).toMatchObject({ version: 1, spentToDate: '777.00' }); // the other user's figure stands
    expect(afterStale.find((p) => p.code === other!.code)).toMatchObject({ version: 0, spentToDate: '0.00' }); // all or nothing

    const again = await unit.inject({ method: 'POST', url: `${base}/payments/preview`, payload });
    const fresh = (again.json() as { versions: Record<string, number> }).versions;
    expect(fresh).toEqual({ [P]: 1, [other!.code]: 0 });
    const applied = await unit.inject({
      method: 'POST',
      url: `${base}/payments`,
      payload: { ...payload, expectedVersions: fresh },
    });
    expect(applied.statusCode).toBe(200);
    expect((applied.json() as { versions: Record<string, number> }).versions).toEqual({ [P]: 2, [other!.code]: 1 });
    const afterApply = await projects();
    expect(afterApply.find((p) => p.code === P)).toMatchObject({ version: 2, spentToDate: '2500.00' });
    expect(afterApply.find((p) => p.code === other!.code)).toMatchObject({ version: 1, spentToDate: '100.00' });
  });

  it('refuses an apply missing a booked project’s version (file changed since the preview)', async () => {
    const csv = `项目编码,日期,金额\n${P},2020-03-05,10\n`;
    const payload = {
      fileName: 'pay.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      columns: { projectCode: 'A', date: 'B', amount: 'C' },
    };
    const response = await unit.inject({
      method: 'POST',
      url: `${base}/payments`,
      payload: { ...payload, expectedVersions: {} },
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { location: { field: string } } }).error.location.field).toBe(
      'expectedVersions',
    );
  });
});
