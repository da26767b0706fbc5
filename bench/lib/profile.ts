import { Session, type Profiler } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { adminQuery } from './postgres.ts';

/**
 * Where the time went, for a benchmark that misses its goal: a CPU profile of this process
 * (node:inspector, no extra tools) and the statements PostgreSQL spent its time on
 * (pg_stat_statements, preloaded by bench/lib/postgres.ts).
 */

export interface HotFunction {
  name: string;
  /** file:line, relative to the repository when inside it. */
  where: string;
  selfMs: number;
  percent: number;
}

export interface CpuProfileResult<T> {
  result: T;
  top: HotFunction[];
  totalMs: number;
  /** Share of the time the thread waited (I/O, other processes): not in `top`. */
  idlePercent: number;
}

const REPO = new URL('../..', import.meta.url).pathname;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

/** Runs `fn` under the V8 sampling profiler and returns its result and the top self-time functions. */
export async function profileCpu<T>(
  fn: () => T | Promise<T>,
  options: { top?: number; intervalUs?: number } = {},
): Promise<CpuProfileResult<T>> {
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: options.intervalUs ?? 200 });
    await post(session, 'Profiler.start');
    const outcome = await Promise.resolve()
      .then(fn)
      .then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
    const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
    if ('error' in outcome) throw outcome.error;
    return { result: outcome.value, ...topSelfTime(profile, options.top ?? 15) };
  } finally {
    session.disconnect();
  }
}

/** Self time per function (summed over its nodes), highest first. */
export function topSelfTime(
  profile: Profiler.Profile,
  count: number,
): { top: HotFunction[]; totalMs: number; idlePercent: number } {
  const samplesPerNode = new Map<number, number>();
  for (const id of profile.samples ?? []) samplesPerNode.set(id, (samplesPerNode.get(id) ?? 0) + 1);
  const totalSamples = profile.samples?.length ?? 0;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, { name: string; where: string; samples: number }>();
  for (const node of profile.nodes) {
    const samples = samplesPerNode.get(node.id) ?? 0;
    if (samples === 0) continue;
    const frame = node.callFrame;
    const file = frame.url ? relative(REPO, frame.url.replace(/^file:\/\//, '')) : '';
    const where = file ? `${file}:${originalLine(frame)}` : '(native)';
    const name = frame.functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, samples: 0 };
    entry.samples += samples;
    byFunction.set(key, entry);
  }
  const idle = byFunction.get('(idle)@(native)')?.samples ?? 0;
  byFunction.delete('(idle)@(native)');
  const top = [...byFunction.values()]
    .sort((a, b) => b.samples - a.samples)
    .slice(0, count)
    .map((f) => ({
      name: f.name,
      where: f.where,
      selfMs: totalSamples ? (f.samples / totalSamples) * totalMs : 0,
      percent: totalSamples ? (100 * f.samples) / totalSamples : 0,
    }));
  return { top, totalMs, idlePercent: totalSamples ? (100 * idle) / totalSamples : 0 };
}

/** tsx compiles each .ts file to one line: its source map gives the line in the source. */
function originalLine(frame: Profiler.ProfileNode['callFrame']): number {
  try {
    const entry = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as
      { originalLine?: number } | undefined;
    if (entry?.originalLine !== undefined) return entry.originalLine + 1;
  } catch {
    // No map (plain .js): the generated line is the line.
  }
  return frame.lineNumber + 1;
}

export function formatHotFunctions(top: HotFunction[]): string {
  return top
    .map((f) => `${f.percent.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(6)} ms  ${f.name}  ${f.where}`)
    .join('\n');
}

export interface StatementStat {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
  /**
   * Sent by a client (a round trip), not run inside a function or trigger; a nested statement's
   * time is also in its caller's. True on servers too old to tell (before PostgreSQL 14).
   */
  toplevel: boolean;
}

/** Forgets the statements seen so far on the whole server (call before the part you measure). */
export async function resetStatements(url: string): Promise<void> {
  if (await hasStatStatements(url)) await adminQuery(url, 'select pg_stat_statements_reset()');
}

/** False on a server without the extension (another PostgreSQL than the bench's own): the lists stay empty. */
async function hasStatStatements(url: string): Promise<boolean> {
  const rows = await adminQuery(url, "select 1 from pg_extension where extname = 'pg_stat_statements'");
  return rows.length > 0;
}

/** The statements run on the database behind `url` since the last reset, by total time. */
export async function slowestStatements(url: string, limit = 10): Promise<StatementStat[]> {
  if (!(await hasStatStatements(url))) return [];
  const rows = await adminQuery(
    url,
    `
    select s.query, s.calls::float8 as calls, s.total_exec_time as total_ms, s.mean_exec_time as mean_ms, s.rows::float8 as rows,
           coalesce((to_jsonb(s) ->> 'toplevel')::boolean, true) as toplevel
      from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = current_database() and s.query not ilike '%pg_stat_statements%'
     order by s.total_exec_time desc limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    query: String(r['query']).replace(/\s+/g, ' ').trim(),
    calls: Number(r['calls']),
    totalMs: Number(r['total_ms']),
    meanMs: Number(r['mean_ms']),
    rows: Number(r['rows']),
    toplevel: r['toplevel'] !== false,
  }));
}

export function formatStatements(stats: StatementStat[], maxQueryLength = 160): string {
  return stats
    .map((s) => {
      const query = s.query.length > maxQueryLength ? `${s.query.slice(0, maxQueryLength)}…` : s.query;
      return `${s.totalMs.toFixed(0).padStart(7)} ms  ${String(s.calls).padStart(7)} calls  ${s.meanMs.toFixed(3)} ms/call  ${s.toplevel ? '' : '(nested) '}${query}`;
    })
    .join('\n');
}
