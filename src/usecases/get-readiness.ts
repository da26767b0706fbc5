import type { Db } from '../db/database.ts';
import { pendingMigrations, pingDatabase } from '../db/health.repo.ts';

/**
 * Whether this server can serve: the database answers, and the migrations this program knows that
 * it has not run (a server started before `migrate`). Each round trip is bounded by `timeoutMs`, since
 * a database that does not answer in time is as good as down; that, or any failure, throws.
 */
export async function getReadiness(db: Db, timeoutMs: number): Promise<{ pendingMigrations: string[] }> {
  await withTimeout(pingDatabase(db.kysely), timeoutMs);
  return { pendingMigrations: await withTimeout(pendingMigrations(db.kysely), timeoutMs) };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${ms} ms 内没有应答`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
