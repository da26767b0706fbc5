import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import type * as RenderPool from '../documents/render/render-pool.ts';
import type { RenderTask } from '../documents/render/render-pool.ts';
import { loadDemoDataIfEmpty } from '../usecases/load-demo-data.ts';
import { buildServer } from './app.ts';
import { HeavyWork, heavyLimitsFromEnv } from './heavy-work.ts';

/**
 * Every render waits at a gate the test opens, so "a PDF export still running" is a fact, not a race:
 * the export is real (route, admission, database read, PDF writer), only its finishing is held.
 */
const gates = vi.hoisted(() => ({ waiting: [] as { open: () => void }[], holding: true }));
vi.mock('../documents/render/render-pool.ts', async (importOriginal) => {
  const original = await importOriginal<typeof RenderPool>();
  return {
    ...original,
    renderDocument: async (task: RenderTask) => {
      if (gates.holding) await new Promise<void>((open) => gates.waiting.push({ open }));
      return original.renderDocument(task);
    },
  };
});

function openGates(): void {
  for (const gate of gates.waiting.splice(0)) gate.open();
}

const pdf = '/api/units/711002/years/2020/evaluation.pdf';

describe('HeavyWork (the counting semaphore)', () => {
  it('admits per key and globally, refuses beyond, and estimates the wait from recent durations', () => {
    let now = 0;
    const heavy = new HeavyWork({ perUser: 1, global: 2 }, () => now);
    const a = heavy.tryAdmit('a');
    expect('release' in a).toBe(true);
    expect(heavy.tryAdmit('a')).toEqual({ retryAfterSeconds: 2 }); // no history: the first guess, 2 s
    const b = heavy.tryAdmit('b');
    expect('release' in b).toBe(true);
    expect('retryAfterSeconds' in heavy.tryAdmit('c')).toBe(true); // global limit
    now = 10_000;
    if ('release' in a) {
      a.release();
      a.release();
    } // idempotent: one slot freed, not two
    expect(heavy.stats()).toEqual({ running: 1, admitted: 2, refused: 2 });
    // The mean moved towards the 10 s just measured; b has run 10 s of it already.
    expect(heavy.tryAdmit('a')).toHaveProperty('release');
    expect(heavy.tryAdmit('c')).toEqual({ retryAfterSeconds: 1 });
  });

  it('estimates the wait by the kind of work that blocks: a running zip is not a PDF', () => {
    let now = 0;
    const heavy = new HeavyWork({ perUser: 1, global: 1 }, () => now);
    const zip = heavy.tryAdmit('u', 'export.zip');
    now = 30_000;
    if ('release' in zip) zip.release(); // the zip took 30 s
    const pdf = heavy.tryAdmit('u', 'evaluation.pdf');
    now = 31_000;
    if ('release' in pdf) pdf.release(); // the PDF took 1 s
    heavy.tryAdmit('u', 'export.zip');
    now = 36_000;
    expect(heavy.tryAdmit('v', 'evaluation.pdf')).toEqual({ retryAfterSeconds: 25 }); // 30 s mean − 5 s run
    heavy.tryAdmit('w', 'evaluation.pdf');
    expect(heavy.stats()).toEqual({ running: 1, admitted: 3, refused: 2 });
  });

  it('reads its limits from the environment, defaulting to one per user and all cores but one', () => {
    expect(heavyLimitsFromEnv({}, 2)).toEqual({ perUser: 1, global: 1 });
    expect(heavyLimitsFromEnv({}, 8)).toEqual({ perUser: 1, global: 7 });
    expect(heavyLimitsFromEnv({ JIXIAO_HEAVY_PER_USER: '2', JIXIAO_HEAVY_GLOBAL: '5' }, 2)).toEqual({
      perUser: 2,
      global: 5,
    });
    expect(() => heavyLimitsFromEnv({ JIXIAO_HEAVY_GLOBAL: '0' }, 2)).toThrow(/JIXIAO_HEAVY_GLOBAL/);
  });
});

describeEachEngine('heavy work over HTTP: per-user and global limits, 429 + Retry-After', (getDb) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent', heavy: { perUser: 1, global: 2 } });
    await clearDatabase(getDb());
    // The demo publishes its 决算公开 (decision 047), which renders: not through the held gate.
    gates.holding = false;
    await loadDemoDataIfEmpty(getDb());
    gates.holding = true;
  }, 120_000);
  afterAll(async () => {
    gates.holding = false;
    openGates();
    await app?.close();
  });

  it('marks every export, report download, bulk zip, import and year opening route heavy, and nothing light', () => {
    const routes = app.heavyWork.routes;
    for (const expected of [
      'GET /api/units/:unitCode/years/:year/export',
      'GET /api/units/:unitCode/years/:year/export.:format',
      'GET /api/units/:unitCode/years/:year/evaluation.:format',
      'GET /api/units/:unitCode/years/:year/monitoring.:format',
      'GET /api/bureau/years/:year/export.zip',
      'POST /api/units/:unitCode/years/:year/import',
      'POST /api/units/:unitCode/years/:year/import/preview',
      'POST /api/units/:unitCode/years/:year/monitoring/payments',
      'GET /api/units/:unitCode/years/:year/evaluation/package.zip',
      // The 自评报告 only with ?format=docx|pdf (its JSON view is light; decision 046).
      'GET /api/units/:unitCode/years/:year/self-report',
      // Opening a year copies every unit's targets: a city's 300,000 indicators (decision 038).
      'POST /api/years',
      // Publishing renders and stores the whole package; the preview renders it (decision 047).
      'POST /api/units/:unitCode/years/:year/disclosure/:kind/publish',
      'GET /api/units/:unitCode/years/:year/disclosure/:kind/preview',
    ])
      expect(routes).toContain(expected);
    expect(
      routes.filter(
        (r) =>
          !/export|import|payments|\.:format|\.zip$|^POST \/api\/years$|\/self-report$|\/disclosure\/:kind\/(publish|preview)$/.test(
            r,
          ),
      ),
    ).toEqual([]);
  });

  it(
    'refuses the same user a second concurrent PDF, admits another user, and admits the first again after',
    { timeout: 60_000 },
    async () => {
      const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
      const bureau = await signIn(app, getDb(), { role: 'bureau' });
      gates.holding = true;
      const first = unit.inject(pdf);
      await vi.waitFor(() => expect(gates.waiting).toHaveLength(1)); // admitted and rendering

      const second = await unit.inject(pdf);
      expect(second.statusCode).toBe(429);
      expect(second.json()).toMatchObject({ error: { code: 'BUSY' } });
      expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // A light read of the same user is never limited.
      expect((await unit.inject('/api/units/711002/years/2020/targets')).statusCode).toBe(200);

      const other = bureau.inject(pdf); // G = 2: another user's export is admitted …
      await vi.waitFor(() => expect(gates.waiting).toHaveLength(2));
      const third = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
      expect((await third.inject(pdf)).statusCode).toBe(429); // … and a third is over the global limit

      gates.holding = false;
      openGates();
      for (const response of [await first, await other]) {
        expect(response.statusCode).toBe(200);
        expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      }
      expect(app.heavyWork.stats().running).toBe(0);
      expect((await unit.inject(pdf)).statusCode).toBe(200); // released: admitted again
    },
  );

  it('releases the slot when the client goes away mid-export', { timeout: 60_000 }, async () => {
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    gates.holding = true;
    const abort = new AbortController();
    const download = fetch(`${baseUrl}${pdf}`, { headers: { cookie: unit.cookie }, signal: abort.signal });
    download.catch(() => undefined);
    await vi.waitFor(() => expect(gates.waiting).toHaveLength(1));
    expect(app.heavyWork.stats().running).toBe(1);
    abort.abort();
    await vi.waitFor(() => expect(app.heavyWork.stats().running).toBe(0));
    // The abandoned render still finishes in its thread; the user may start another export meanwhile.
    const again = unit.inject(pdf);
    await vi.waitFor(() => expect(gates.waiting).toHaveLength(2));
    gates.holding = false;
    openGates();
    expect((await again).statusCode).toBe(200);
  });
});
