import type { Db } from '../db/database.ts';
import { hasStaleSummaries as anyStale } from '../db/summaries.repo.ts';

/** Whether any bureau summary is stale: a one-row probe, so a write that made none stale costs almost nothing. */
export async function hasStaleSummaries(db: Db): Promise<boolean> {
  return anyStale(db.kysely);
}
