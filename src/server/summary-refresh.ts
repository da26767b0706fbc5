import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { hasStaleSummaries } from '../usecases/has-stale-summaries.ts';
import { refreshStaleSummaries } from '../usecases/refresh-summaries.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** After a write without a unit (a policy, a bulk import): this many stale rows at most, the sweeper does the rest. */
const UNSCOPED_LIMIT = 20;

/**
 * Keeps the bureau read model (docs/decisions/013-read-model.md) current for the writer: after a
 * successful write the unit-year it touched is recomputed before the response leaves, so a user
 * who saves and then opens the bureau views sees their change. The write itself has already marked
 * the row stale in its transaction (triggers), so a failure here only delays the figures: it is
 * logged and the sweeper retries.
 */
export function summaryRefresh(db: Db): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (READS.has(request.method) || reply.statusCode >= 400 || !request.url.startsWith('/api/')) return payload;
      try {
        const key = unitYearOf(request);
        if (key !== null) await refreshStaleSummaries(db, { keys: [key], countRemaining: false });
        // A write without a unit (sign-in, a policy, a bulk import): a one-row probe unless something is stale.
        else if (await hasStaleSummaries(db)) {
          await refreshStaleSummaries(db, {
            limit: UNSCOPED_LIMIT,
            includeOutdated: false,
            discover: false,
            countRemaining: false,
          });
        }
      } catch (error) {
        request.log.error({ err: error }, 'refreshing the bureau summaries after a write failed');
      }
      return payload;
    });
  };
  // Not encapsulated: the hook must see the routes registered beside it (what fastify-plugin does).
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}

function unitYearOf(request: FastifyRequest): { unitCode: string; fiscalYear: number } | null {
  const params = request.params as { unitCode?: unknown; year?: unknown } | undefined;
  const fiscalYear = Number(params?.year);
  if (typeof params?.unitCode !== 'string' || !Number.isInteger(fiscalYear)) return null;
  return { unitCode: params.unitCode, fiscalYear };
}

/**
 * For `jixiao serve`: every `intervalMs` recomputes what is stale or was computed before today
 * (time-dependent warnings such as overdue data), sharing the work with other server processes.
 */
export function startSummarySweeper(
  db: Db,
  options: { intervalMs: number; onError?: (error: unknown) => void },
): () => Promise<void> {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || current !== null) return; // one sweep at a time per process
    current = refreshStaleSummaries(db)
      .then(
        () => undefined,
        (error: unknown) => options.onError?.(error),
      )
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
}
