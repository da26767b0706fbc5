import type { JobView } from '../contract/jobs.ts';
import type { Db } from '../db/database.ts';
import { findJob } from '../db/jobs.repo.ts';
import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';

/**
 * A job's progress, for the user who started it (an administrator may see any). Someone else's job is
 * "not found", not "forbidden": job ids are not to be probed.
 */
export async function getJob(db: Db, actor: Actor, id: string): Promise<JobView> {
  const job = await findJob(db.kysely, id);
  if (!job || (actor.role !== 'admin' && job.ownerId !== actor.userId)) {
    throw notFound('job', id, `任务 ${id} 不存在或不属于当前用户`, { location: { field: 'id' } });
  }
  return { id: job.id, kind: job.kind, state: job.state, done: job.done, total: job.total, error: job.error };
}
