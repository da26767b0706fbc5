import type { Db } from '../db/database.ts';
import { countRunningJobs as countRunning } from '../db/jobs.repo.ts';

/** How many long-running jobs (bulk exports, imports) are running now, on any server: for /metrics. */
export async function countRunningJobs(db: Db): Promise<number> {
  return countRunning(db.kysely);
}
