import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import type { Db } from '../../db/database.ts';
import { findWorkflow, lockDocumentRow, setWorkflowState } from '../../db/workflow.repo.ts';
import { readZipSafely } from '../../documents/zip-guard.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import type { DisclosureManifest } from '../../domain/disclosure/packages.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

const BASE = '/public/SHG-CZJ/2020/711002/budget';

/** Moves a unit-year's targets straight to approved (the review procedure is tested elsewhere). */
async function approve(db: Db, unitCode: string, year = 2020): Promise<void> {
  const document = await lockDocumentRow(db.kysely, unitCode, year);
  if (!document) throw new Error(`no targets for ${unitCode}`);
  const current = await findWorkflow(db.kysely, document.id);
  await setWorkflowState(db.kysely, { documentId: document.id, expectedVersion: current.version, state: 'approved' });
}

describeEachEngine('disclosure: publish and the public pages', (getDb) => {
  let app: FastifyInstance;
  let bureau: TestClient;
  let anonymous: (url: string, method?: 'GET' | 'HEAD') => Promise<LightMyRequestResponse>;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent', renderThreads: 0 });
    anonymous = (url, method = 'GET') => app.inject({ method, url });
  });
  beforeEach(async () => {
    const db = getDb();
    await clearDatabase(db);
    await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit('712001', '第一中学'), fiscalYear: 2020 });
    await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit('800001', '博物馆'), fiscalYear: 2020 });
    await seedOrganisations(db);
    await approve(db, '711002');
    bureau = await signIn(app, db, { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  const publish = (client: TestClient, unit = '711002', kind = 'budget') =>
    client.inject({ method: 'POST', url: `/api/units/${unit}/years/2020/disclosure/${kind}/publish` });

  it('publishes: the index, the package page, and files byte-identical to what the manifest hashes', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' }); // a user to notify
    const published = await publish(bureau);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ version: 1, files: 2 });

    const years = await anonymous('/public/SHG-CZJ/');
    expect(years.statusCode).toBe(200);
    expect(years.body).toContain('href="/public/SHG-CZJ/2020/"');
    const index = await anonymous('/public/SHG-CZJ/2020/');
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toContain('<html lang="zh-CN">');
    expect(index.body).toContain('<meta name="robots" content="index,follow">');
    expect(index.body).toContain(`href="${BASE}"`);
    expect(index.body).not.toContain('712001');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");

    const page = await anonymous(BASE);
    expect(page.statusCode).toBe(200);
    const manifest = (await anonymous(`${BASE}/manifest.json`)).json() as DisclosureManifest;
    expect(manifest).toMatchObject({ unit: { code: '711002' }, fiscalYear: 2020, kind: 'budget', version: 1 });
    expect(manifest.files.map((f) => f.name.split('.').pop())).toEqual(['docx', 'pdf']);
    for (const file of manifest.files) {
      expect(page.body).toContain(file.sha256);
      const download = await anonymous(`${BASE}/${encodeURIComponent(file.name)}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(download.rawPayload.length).toBe(file.size);
      expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(file.sha256);
      // The same file of version 1 at its versioned address; HEAD answers without a body.
      expect(
        (await anonymous(`${BASE}/1/${encodeURIComponent(file.name)}`)).rawPayload.equals(download.rawPayload),
      ).toBe(true);
      const head = await anonymous(`${BASE}/${encodeURIComponent(file.name)}`, 'HEAD');
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
    }
    // The unit hears of it (the bell): the bureau published its 预算公开.
    const notices = (await unit.inject('/api/notifications')).json() as { items: { kind: string }[] };
    expect(notices.items.map((n) => n.kind)).toContain('disclosure-budget-published');
    // No internal id or user name anywhere on the public pages.
    expect(`${index.body}${page.body}${JSON.stringify(manifest)}`).not.toContain(bureau.username);
  });

  it('freezes what was published: a later change does not alter it; re-publishing makes version 2, listed with 1', async () => {
    await publish(bureau);
    const first = (await anonymous(`${BASE}/manifest.json`)).json() as DisclosureManifest;
    await getDb().kysely.updateTable('units').set({ name: '改名后的工会' }).where('code', '=', '711002').execute();
    expect((await anonymous(`${BASE}/manifest.json`)).json()).toEqual(first);
    expect((await publish(bureau)).json()).toMatchObject({ version: 2 });
    const second = (await anonymous(`${BASE}/manifest.json`)).json() as DisclosureManifest;
    expect(second.unit.name).toBe('改名后的工会');
    expect((await anonymous(`${BASE}/1/manifest.json`)).json()).toEqual(first);
    const page = await anonymous(BASE);
    expect(page.body).toContain('第 2 版');
    expect(page.body).toContain('以前发布的版本');
    expect(page.body).toContain(`${BASE}/1/manifest.json`);
  });

  it('refuses to publish before the targets are approved or the 自评 is final, and a unit the bureau has not allowed', async () => {
    const early = await publish(bureau, '712001');
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ error: { message: expect.stringContaining('尚未批复') } });
    const final = await publish(bureau, '711002', 'final');
    expect(final.json()).toMatchObject({ error: { message: expect.stringContaining('自评尚未终审') } });
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    expect((await publish(unit)).statusCode).toBe(403);
    const policy = (await bureau.inject('/api/disclosure/policy?year=2020')).json() as {
      policy: object;
      version: number;
    };
    const allowed = await bureau.inject({
      method: 'PUT',
      url: '/api/disclosure/policy?year=2020',
      payload: { policy: { ...policy.policy, unitsMayPublish: true }, expectedVersion: policy.version },
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect((await publish(unit)).statusCode).toBe(201);
    const status = (await unit.inject('/api/units/711002/years/2020/disclosure')).json() as {
      packages: { kind: string; state: string; publicPath: string | null }[];
    };
    expect(status.packages).toEqual([
      expect.objectContaining({ kind: 'budget', state: 'public', publicPath: BASE }),
      expect.objectContaining({ kind: 'final', state: 'not-published', publicPath: null }),
    ]);
  });

  it('keeps everything unpublished unreachable: one 404 for every miss', async () => {
    await approve(getDb(), '712001'); // approved but never published
    await approve(getDb(), '800001');
    const admin = await signIn(app, getDb(), { role: 'admin' });
    expect((await publish(admin, '800001')).statusCode).toBe(201); // the other bureau's unit
    await publish(bureau);
    const fileName = ((await anonymous(`${BASE}/manifest.json`)).json() as DisclosureManifest).files[0]!.name;
    const notFound = (await anonymous('/public/SHG-CZJ/2021/')).body;
    const misses = [
      '/public/SHG-CZJ/2021/', // a year with nothing published
      '/public/SHG-CZJ/2019/711002/budget',
      '/public/SHG-CZJ/2020/712001/budget', // approved, unpublished
      `/public/SHG-CZJ/2020/712001/budget/${encodeURIComponent(fileName)}`, // another unit's file name
      '/public/SHG-CZJ/2020/711002/final', // the other kind
      '/public/QHD-CZJ/2020/711002/budget', // another bureau's address
      '/public/SHG-CZJ/2020/800001/budget', // another bureau's unit under this bureau
      '/public/NOPE/',
      '/public/NOPE/2020/',
      `${BASE}/guess.docx`,
      `${BASE}/2/manifest.json`,
      `${BASE}/0/manifest.json`,
      `${BASE}/x/manifest.json`,
      `${BASE}/..%2F..%2Fetc%2Fpasswd`,
      `${BASE}/%2e%2e/%2e%2e/manifest.json`,
      '/public/SHG-CZJ/2020/../../api/units',
      '/public/SHG-CZJ/20x0/',
      '/public/SHG-CZJ/2020/711002/other',
      '/public/SHG-CZJ/2020/711002/budget/1/2/3',
      '/public',
      '/public/',
    ];
    for (const url of misses) {
      const response = await anonymous(url);
      expect([url, response.statusCode]).toEqual([url, 404]);
      expect(response.body, url).toBe(notFound);
    }
    // Dot segments that climb out of /public/ reach no public route at all (the router answers, not these pages).
    expect((await anonymous('/public/%2e%2e/SHG-CZJ/2020/')).body).not.toContain('711002');
    expect((await anonymous('/public/SHG-CZJ/2020/711002/budget', 'HEAD')).statusCode).toBe(200);
    expect((await anonymous('/public/SHG-CZJ/2020/712001/budget', 'HEAD')).statusCode).toBe(404);
    expect((await anonymous('/public/QHD-CZJ/2020/800001/budget')).statusCode).toBe(200);
    // The index lists the published unit only.
    const index = (await anonymous('/public/SHG-CZJ/2020/')).body;
    expect(index).toContain('711002');
    expect(index).not.toMatch(/712001|800001/);
  });

  it('withdrawn and scheduled packages are not public; the API refuses anonymous calls', async () => {
    await publish(bureau);
    const withdrawn = await bureau.inject({
      method: 'POST',
      url: '/api/units/711002/years/2020/disclosure/budget/withdraw',
      payload: { reason: '发现错字，更正后重新发布' },
    });
    expect(withdrawn.json()).toEqual({ withdrawn: [1] });
    expect((await anonymous(BASE)).statusCode).toBe(404);
    expect((await anonymous(`${BASE}/1/manifest.json`)).statusCode).toBe(404);
    expect((await anonymous('/public/SHG-CZJ/')).statusCode).toBe(404);

    const future = new Date(Date.now() + 86_400_000).toISOString();
    const read = (await bureau.inject('/api/disclosure/policy?year=2020')).json() as {
      policy: object;
      version: number;
    };
    const saved = await bureau.inject({
      method: 'PUT',
      url: '/api/disclosure/policy?year=2020',
      payload: { policy: { ...read.policy, publishAt: future }, expectedVersion: read.version },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await publish(bureau);
    expect((await anonymous(BASE)).statusCode).toBe(404);
    const overview = (await bureau.inject('/api/disclosure?year=2020')).json() as {
      units: { unitCode: string; packages: { kind: string; state: string }[] }[];
    };
    expect(overview.units.find((u) => u.unitCode === '711002')?.packages[0]).toMatchObject({ state: 'scheduled' });
    await bureau.inject({
      method: 'PUT',
      url: '/api/disclosure/policy?year=2020',
      payload: { policy: { ...read.policy, publishAt: '2020-01-01T00:00:00+08:00' }, expectedVersion: 1 },
    });
    expect((await anonymous(BASE)).body).toContain('第 2 版');

    for (const url of ['/api/disclosure?year=2020', '/api/units/711002/years/2020/disclosure']) {
      expect((await anonymous(url)).statusCode).toBe(401);
    }
    const anonymousPublish = await app.inject({
      method: 'POST',
      url: '/api/units/711002/years/2020/disclosure/budget/publish',
    });
    expect(anonymousPublish.statusCode).toBe(401);
  });

  it('the preview zip opens with the Word file and the manifest; robots.txt allows /public/ only', async () => {
    const preview = await bureau.inject('/api/units/711002/years/2020/disclosure/budget/preview');
    expect(preview.statusCode).toBe(200);
    const entries = await readZipSafely(preview.rawPayload, { fileName: 'preview.zip' });
    const docx = [...entries.keys()].find((name) => name.endsWith('.docx'))!;
    expect([...entries.keys()]).toContain('manifest.json');
    const parts = await readZipSafely(entries.get(docx)!, { fileName: docx });
    expect(parts.has('word/document.xml')).toBe(true);
    const robots = await anonymous('/robots.txt');
    expect(robots.body).toContain('Allow: /public/');
    expect(robots.body).toContain('Disallow: /api/');
  });
});
