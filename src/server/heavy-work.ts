import { availableParallelism } from 'node:os';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Gauge } from 'prom-client';
import { AppError } from '../domain/errors.ts';
import { metricsRegistry } from './metrics.ts';

/**
 * Fair under load (decision 022). Heavy work — PDF, Word and Excel exports, the bulk zip, imports — is
 * admitted only while its user runs fewer than `perUser` and the server fewer than `global` heavy
 * requests; beyond that the answer is at once 429 BUSY with Retry-After (seconds, from recent
 * durations), never a queue that grows. A route opts in declaratively with `config: { access, heavy }`.
 * The limits are per process: N servers admit up to N × global (docs/scaling.md).
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Heavy work: true, or a test of the request (e.g. only the binary formats of an export). */
    heavy?: boolean | ((request: FastifyRequest) => boolean);
  }
}

export interface HeavyLimits {
  /** Heavy requests one user may have running at once. */
  perUser: number;
  /** Heavy requests the whole process runs at once (and the size of the render thread pool). */
  global: number;
}

/** Defaults: one per user; all cores but one (the event loop's) for the server, at least one. */
export function heavyLimitsFromEnv(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): HeavyLimits {
  return {
    perUser: positiveInt(env['JIXIAO_HEAVY_PER_USER'], 'JIXIAO_HEAVY_PER_USER') ?? 1,
    global: positiveInt(env['JIXIAO_HEAVY_GLOBAL'], 'JIXIAO_HEAVY_GLOBAL') ?? Math.max(1, cores - 1),
  };
}

function positiveInt(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new AppError('USAGE', `${name} 应为正整数，实际为“${text}”`);
  return value;
}

export interface HeavyStats {
  running: number;
  admitted: number;
  refused: number;
}

/** Retry-After bounds (seconds) and the duration assumed before any heavy request has finished. */
const MIN_RETRY_S = 1;
const MAX_RETRY_S = 60;
const FIRST_GUESS_MS = 2000;

/**
 * The counting semaphore with per-key admission and immediate refusal. p-limit and similar queue the
 * caller instead of refusing it and have no per-key bound, so this is ~60 lines of our own.
 */
export class HeavyWork {
  private readonly running = new Map<string, Running[]>(); // key (the user) → its running requests
  private total = 0;
  /** Exponentially weighted mean duration per kind of work (the route): a PDF and the bulk zip differ. */
  private readonly averageMs = new Map<string, number>();
  private readonly counts = { admitted: 0, refused: 0 };
  /** "GET /api/…" of every route marked heavy (the test checks that no export or import route is missing). */
  readonly routes: string[] = [];

  constructor(
    readonly limits: HeavyLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A release function when admitted (idempotent), or the seconds to wait when not. */
  tryAdmit(key: string, kind = ''): { release: () => void } | { retryAfterSeconds: number } {
    const mine = this.running.get(key) ?? [];
    if (mine.length >= this.limits.perUser || this.total >= this.limits.global) {
      this.counts.refused += 1;
      const blocking = mine.length >= this.limits.perUser ? mine : [...this.running.values()].flat();
      return { retryAfterSeconds: this.estimateWait(blocking) };
    }
    const entry: Running = { started: this.now(), kind };
    mine.push(entry);
    this.running.set(key, mine);
    this.total += 1;
    this.counts.admitted += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.finish(key, entry);
      },
    };
  }

  stats(): HeavyStats {
    return { running: this.total, ...this.counts };
  }

  private finish(key: string, entry: Running): void {
    const mine = this.running.get(key) ?? [];
    mine.splice(mine.indexOf(entry), 1);
    if (mine.length === 0) this.running.delete(key);
    this.total -= 1;
    // Recent durations weigh most.
    const took = this.now() - entry.started;
    const before = this.averageMs.get(entry.kind);
    this.averageMs.set(entry.kind, before === undefined ? took : 0.7 * before + 0.3 * took);
  }

  /** Seconds until the soonest of `blocking` is expected to end, by its kind's recent mean duration. */
  private estimateWait(blocking: Running[]): number {
    const remaining = blocking.map((r) => (this.averageMs.get(r.kind) ?? FIRST_GUESS_MS) - (this.now() - r.started));
    const seconds = Math.ceil((remaining.length > 0 ? Math.min(...remaining) : FIRST_GUESS_MS) / 1000);
    return Math.min(MAX_RETRY_S, Math.max(MIN_RETRY_S, seconds));
  }
}

interface Running {
  started: number;
  kind: string;
}

/** The limiters of the servers open in this process (one in production), summed on a scrape of /metrics. */
const live = new Set<HeavyWork>();

new Gauge({
  name: 'jixiao_heavy_work',
  help: 'Heavy requests (exports, imports): running now, and admitted / refused (429 BUSY) since the process started',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    const sum = { running: 0, admitted: 0, refused: 0 };
    for (const heavy of live)
      for (const [state, value] of Object.entries(heavy.stats())) sum[state as keyof HeavyStats] += value;
    for (const [state, value] of Object.entries(sum)) this.set({ state }, value);
  },
});

/**
 * Installs the admission check (after the access guard, so the user is known) on every route whose
 * config says `heavy`. The slot is released when the response closes: finished, failed, or aborted by
 * the client (a closed tab frees its slot at once).
 */
export function installHeavyWork(app: FastifyInstance, limits: HeavyLimits = heavyLimitsFromEnv()): HeavyWork {
  const heavy = new HeavyWork(limits);
  app.decorate('heavyWork', heavy);
  live.add(heavy);
  app.addHook('onClose', async () => {
    live.delete(heavy);
  });
  app.addHook('onRoute', (route) => {
    if (route.config?.heavy !== undefined && route.config.heavy !== false)
      heavy.routes.push(`${String(route.method)} ${route.url}`);
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!isHeavy(request)) return;
    const admission = heavy.tryAdmit(keyOf(request), request.routeOptions.url ?? '');
    if ('retryAfterSeconds' in admission) {
      reply.header('Retry-After', String(admission.retryAfterSeconds));
      throw new AppError('BUSY', `正在生成其他文件，请 ${admission.retryAfterSeconds} 秒后重试`);
    }
    releaseOnClose(reply, admission.release);
  });
  return heavy;
}

declare module 'fastify' {
  interface FastifyInstance {
    heavyWork: HeavyWork;
  }
}

function isHeavy(request: FastifyRequest): boolean {
  const heavy = request.routeOptions.config.heavy;
  return typeof heavy === 'function' ? heavy(request) : heavy === true;
}

/** The user; an anonymous caller (no heavy route is public today) by its address. */
function keyOf(request: FastifyRequest): string {
  return request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`;
}

function releaseOnClose(reply: FastifyReply, release: () => void): void {
  // 'close' follows 'finish' and also comes alone when the client goes away mid-response.
  reply.raw.once('close', release);
  reply.raw.once('finish', release);
}
