import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { JobState } from './jobs.schema.ts';
import type { Executor } from './schema.ts';

export interface Job {
  id: string;
  kind: string;
  ownerId: number | null;
  orgCode: string;
  total: number;
  done: number;
  state: JobState;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Jobs older than this are deleted when a new one starts: progress is for watching, not history (the audit log is). */
const KEEP_DAYS = 7;

export async function insertJob(
  db: Executor,
  job: { kind: string; ownerId: number | null; orgCode: string; total: number },
): Promise<string> {
  const id = randomUUID();
  await db
    .deleteFrom('jobs')
    .where('created_at', '<', sql<Date>`now() - ${sql.raw(`interval '${KEEP_DAYS} days'`)}`)
    .execute();
  await db
    .insertInto('jobs')
    .values({ id, kind: job.kind, owner_id: job.ownerId, org_code: job.orgCode, total: job.total })
    .execute();
  return id;
}

/** Moves progress forward only: a late, out-of-order update never lowers `done` nor revives a finished job. */
export async function updateJobProgress(db: Executor, id: string, done: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ done: sql<number>`greatest(done, ${done})`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export async function finishJob(
  db: Executor,
  id: string,
  outcome: { state: 'succeeded'; done: number } | { state: 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      outcome.state === 'succeeded'
        ? { state: 'succeeded', done: outcome.done, error: null, updated_at: sql<Date>`now()` }
        : { state: 'failed', error: outcome.error.slice(0, 2000), updated_at: sql<Date>`now()` },
    )
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export async function findJob(db: Executor, id: string): Promise<Job | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    ownerId: row.owner_id,
    orgCode: row.org_code,
    total: row.total,
    done: row.done,
    state: row.state,
    error: row.error,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** How many jobs are running now (a job is written as 'running' when its work starts; there is no queue before). */
export async function countRunningJobs(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('state', '=', 'running')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
