import type { Db } from '../db/database.ts';
import { hasStaleSummaries } from '../db/summaries.repo.ts';
import { refreshStaleSummaries } from './refresh-summaries.ts';

/** How many unit-years a read may refresh before it answers. */
const CATCH_UP = 20;

/**
 * What a bureau view's read does first (docs/decisions/013-read-model.md): bring a few stale rows
 * up to date (bounded: at most CATCH_UP unit-years, rows another process holds are skipped), so a
 * small installation never shows stale figures and a big one never pays more than a fixed amount
 * per request; the sweeper does the rest.
 */
export async function catchUpSummaries(db: Db, today?: string): Promise<void> {
  if (!(await hasStaleSummaries(db.kysely))) return;
  await refreshStaleSummaries(db, {
    limit: CATCH_UP,
    includeOutdated: false,
    discover: false,
    countRemaining: false,
    today,
  });
}
