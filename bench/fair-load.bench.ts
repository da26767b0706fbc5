import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/database.ts';
import { buildServer } from '../src/server/app.ts';
import { heavyLimitsFromEnv } from '../src/server/heavy-work.ts';
import { DEMO_UNIT, DEMO_YEAR, loadDemoDataIfEmpty } from '../src/usecases/load-demo-data.ts';
import { ensureBenchUser, sampleProject, signInHttp } from './lib/http.ts';
import type { Benchmark, BenchContext, BenchResult, Figure } from './lib/types.ts';

/**
 * Fair under load (issue 13 item 6, decision 022): the p95 of a light read — one project's target
 * table, GET as a bureau user — while a unit user hammers the PDF export of its unit-year from
 * several clients at once, against the same read's p95 on the idle server, in one run on the demo
 * data. Both clients are child processes (bench/lib/http-loop.mjs), so the server's event loop
 * measures only its own work. The hammering clients do not honour Retry-After (a worst case): the
 * limiter answers them 429 at once, and the one admitted PDF is written in a render thread.
 * The same load is run once more with the documents written on the event loop (renderThreads 0,
 * the state before decision 022), to show what the render threads buy.
 */

const run = promisify(execFile);
const CLIENT = resolve(import.meta.dirname, 'lib/http-loop.mjs');
const READERS = 4;
const HAMMERS = 4;
const GOAL_RATIO = 5;

interface Loop {
  latencies: number[];
  statuses: Record<string, number>;
}

async function loop(url: string, cookie: string, connections: number, seconds: number): Promise<Loop> {
  const { stdout } = await run(process.execPath, [CLIENT, url, cookie, String(connections), String(seconds)], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: (seconds + 60) * 1000,
  });
  return JSON.parse(stdout) as Loop;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Phase {
  p50: number;
  p95: number;
  reads: number;
  pdfs: number;
  refused: number;
}

/** Idle, then under load, on one server built with `renderThreads` (undefined: the default pool). */
async function measure(
  db: Db,
  ctx: BenchContext,
  seconds: number,
  renderThreads?: number,
): Promise<{ idle: Phase; loaded: Phase }> {
  const app: FastifyInstance = await buildServer({ db, webRoot: '/nonexistent', renderThreads });
  try {
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const sample = await sampleProject(db, DEMO_YEAR);
    const reader = await ensureBenchUser(db, 'bureau', 'SHG-CZJ');
    const hammerer = await ensureBenchUser(db, 'unit', DEMO_UNIT);
    const readCookie = await signInHttp(baseUrl, reader.username, reader.password);
    const hammerCookie = await signInHttp(baseUrl, hammerer.username, hammerer.password);
    const readUrl = `${baseUrl}/api/units/${sample.unitCode}/years/${DEMO_YEAR}/projects/${encodeURIComponent(sample.projectCode)}`;
    const pdfUrl = `${baseUrl}/api/units/${DEMO_UNIT}/years/${DEMO_YEAR}/export.pdf`;
    for (const [url, cookie] of [
      [readUrl, readCookie],
      [pdfUrl, hammerCookie],
    ] as const) {
      const check = await fetch(url, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`GET ${url} answered ${check.status}: ${await check.text()}`);
      await check.arrayBuffer();
    }
    await loop(readUrl, readCookie, READERS, 2); // warm-up
    const idleRun = await loop(readUrl, readCookie, READERS, seconds);
    // The hammer starts first and outlasts the reads by a second on each side.
    const hammer = loop(pdfUrl, hammerCookie, HAMMERS, seconds + 2);
    await new Promise((done) => setTimeout(done, 1000));
    const loadedRun = await loop(readUrl, readCookie, READERS, seconds);
    const hammered = await hammer;
    const phase = (r: Loop, pdfs = 0, refused = 0): Phase => ({
      p50: percentile(r.latencies, 50),
      p95: percentile(r.latencies, 95),
      reads: r.latencies.length,
      pdfs,
      refused,
    });
    const idle = phase(idleRun);
    const loaded = phase(loadedRun, hammered.statuses['200'] ?? 0, hammered.statuses['429'] ?? 0);
    const odd = Object.keys({ ...idleRun.statuses, ...loadedRun.statuses }).filter((s) => s !== '200');
    if (odd.length > 0)
      throw new Error(`light reads answered ${JSON.stringify({ idle: idleRun.statuses, loaded: loadedRun.statuses })}`);
    ctx.log(
      `fair-load (render threads: ${renderThreads ?? 'default'}): idle p95 ${idle.p95.toFixed(1)} ms (${idle.reads} reads); ` +
        `under load p95 ${loaded.p95.toFixed(1)} ms (${loaded.reads} reads) while ${loaded.pdfs} PDFs were written and ${loaded.refused} refused 429`,
    );
    return { idle, loaded };
  } finally {
    await app.close();
  }
}

export const benchmark: Benchmark = {
  id: 'fair-load',
  title: 'Light reads while one user hammers PDF export',
  async run(ctx): Promise<BenchResult[]> {
    const { db } = await ctx.newPostgresDatabase('fair_load');
    try {
      await loadDemoDataIfEmpty(db);
      const seconds = ctx.scale.units >= 1000 ? 10 : 5;
      const limits = heavyLimitsFromEnv();
      ctx.log(
        `fair-load: demo data, ${READERS} reading and ${HAMMERS} hammering connections, ${seconds} s per phase; ` +
          `limits ${limits.perUser} per user, ${limits.global} global; ${availableParallelism()} cores`,
      );
      const pooled = await measure(db, ctx, seconds);
      const inline = await measure(db, ctx, seconds, 0);
      const ratio = pooled.loaded.p95 / pooled.idle.p95;
      const ms = (value: number): Figure => ({ value, unit: 'ms' });
      const figures: Record<string, Figure> = {
        'idle p95': ms(pooled.idle.p95),
        'under load p95': ms(pooled.loaded.p95),
        'under load p50': ms(pooled.loaded.p50),
        'PDFs written during the load': { value: pooled.loaded.pdfs, unit: 'files' },
        'PDF requests refused 429': { value: pooled.loaded.refused, unit: 'requests' },
        'without render threads: idle p95': ms(inline.idle.p95),
        'without render threads: under load p95': ms(inline.loaded.p95),
        'without render threads: ratio': { value: inline.loaded.p95 / inline.idle.p95, unit: '×' },
      };
      const met = ratio <= GOAL_RATIO;
      const result: BenchResult = {
        id: 'fair-load',
        title: 'Light reads while one user hammers PDF export',
        figures,
        baseline: { name: 'the same read on the idle server, same run', value: pooled.idle.p95, unit: 'ms' },
        ratio,
        goal: {
          description: `light-read p95 under PDF-export load ≤ ${GOAL_RATIO}× idle p95 (${READERS} readers, ${HAMMERS} hammering clients)`,
          met,
        },
      };
      if (!met) {
        result.plan =
          `The PDF is written in a render thread, so what remains on the event loop is the hammer's 429 answers ` +
          `(${pooled.loaded.refused} in the phase, each a session lookup) and copying each PDF to the socket; on ${availableParallelism()} ` +
          'cores the render thread and the clients also compete for CPU. Next: honour-free hammering could be slowed by answering a refused ' +
          "user's repeat within its Retry-After without a session lookup (a per-cookie cache), or lowering the render thread's priority.";
      }
      return [result];
    } finally {
      await db.close();
    }
  },
};
