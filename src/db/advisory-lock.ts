import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { Executor } from './schema.ts';

/** Advisory lock keys (pg_advisory_xact_lock takes a bigint); one per check-then-act done at start-up. */
export const LOCK_KEYS = {
  /** Loading the demo data into an empty database, and creating the first administrator. */
  startup: 7_301_020_200_000_001n,
} as const;

/**
 * Runs `work` while holding a transaction-scoped advisory lock on PostgreSQL, so that of several
 * server processes starting together only one at a time runs a check-then-act such as "no unit
 * yet → load the demo". The lock lives in a transaction on one pool connection and is released by
 * its commit; `work` itself uses `db` (other connections), so it may open its own transactions.
 * PGlite is one process with one connection (the directory lock keeps others out): no lock needed,
 * and holding one would block `work`'s own queries.
 */
export async function withAdvisoryLock<T>(db: Db, key: bigint, work: () => Promise<T>): Promise<T> {
  if (db.engine === 'pglite') return work();
  return db.kysely.transaction().execute(async (trx) => {
    await takeAdvisoryXactLock(trx, key);
    return work();
  });
}

/** Takes the lock inside the caller's transaction, released by its commit or rollback. */
export async function takeAdvisoryXactLock(trx: Executor, key: bigint): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key.toString()}::bigint)`.execute(trx);
}
