import type { Db } from '../db/database.ts';
import { loadPolicyTree } from '../db/policies.repo.ts';
import { chunkKeyOf, loadChunkData } from '../db/summary-inputs.repo.ts';
import {
  type SummaryHead,
  claimSummaries,
  countDueSummaries,
  deleteSummaries,
  insertMissingSummaries,
  saveSummary,
} from '../db/summaries.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { computeSummary } from './compute-summary.ts';

export interface RefreshOptions {
  /** At most this many unit-years (default: all that are due). */
  limit?: number;
  /** Only these unit-years (a write request refreshes what it touched). */
  keys?: readonly { unitCode: string; fiscalYear: number }[];
  /** false: only rows a write marked stale; true (default): also rows computed before today (time-dependent warnings). */
  includeOutdated?: boolean;
  /** Look for unit-years with targets but no summary row first (default true unless `keys` is given). */
  discover?: boolean;
  /** Chunks refreshed at once, each in its own transaction and connection (default 1). */
  concurrency?: number;
  /** Unit-years per transaction (default 50): the locks a concurrent write may wait for are held this long. */
  chunkSize?: number;
  today?: string | undefined;
  /** Count the rows still due afterwards (default true when `limit` or `keys` narrows the call; one more statement). */
  countRemaining?: boolean;
}

export interface RefreshResult {
  refreshed: number;
  removed: number;
  /** Rows still due after this call (skipped because locked elsewhere, or beyond `limit`). */
  remaining: number;
}

/**
 * Recomputes stale rows of the bureau read model (docs/decisions/013-read-model.md) with the same
 * domain functions the unit pages use, so a summary always equals the unit's own figures. Rows are
 * claimed chunk by chunk with FOR UPDATE SKIP LOCKED: several server processes share the work.
 */
export async function refreshStaleSummaries(db: Db, options: RefreshOptions = {}): Promise<RefreshResult> {
  const today = options.today ?? todayUtc();
  const chunkSize = Math.max(1, options.chunkSize ?? 50);
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  if (options.discover ?? options.keys === undefined) await insertMissingSummaries(db.kysely);
  const result: RefreshResult = { refreshed: 0, removed: 0, remaining: 0 };
  // Each worker claims its own chunks (SKIP LOCKED), so workers, like processes, never share a row.
  const worker = async () => {
    while (budget > 0) {
      const limit = Math.min(chunkSize, budget);
      budget -= limit;
      const done = await refreshChunk(db, { ...options, limit, today });
      result.refreshed += done.claimed - done.removed;
      result.removed += done.removed;
      budget += limit - done.claimed;
      if (done.claimed < limit) break;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  const narrowed = options.limit !== undefined || options.keys !== undefined;
  if (narrowed && options.countRemaining !== false) result.remaining = await countDueSummaries(db.kysely, today);
  return result;
}

async function refreshChunk(
  db: Db,
  options: RefreshOptions & { limit: number; today: string },
): Promise<{ claimed: number; removed: number }> {
  return inTransaction(db, async (trx) => {
    const heads = await claimSummaries(trx, {
      limit: options.limit,
      today: options.today,
      includeOutdated: options.includeOutdated ?? true,
      keys: options.keys,
    });
    const gone = heads.filter((h) => h.documentId === null);
    await deleteSummaries(trx, gone);
    const live = heads.filter((h): h is SummaryHead & { documentId: number } => h.documentId !== null);
    if (live.length > 0) {
      // A fixed number of statements per chunk: the policies, then each table once for every unit-year.
      const tree = await loadPolicyTree(trx);
      const data = await loadChunkData(trx, live);
      for (const head of live)
        await saveSummary(
          trx,
          head,
          computeSummary(head, data.get(chunkKeyOf(head.unitId, head.fiscalYear))!, options.today, tree),
        );
    }
    return { claimed: heads.length, removed: gone.length };
  });
}
