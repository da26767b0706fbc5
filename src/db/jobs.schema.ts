import type { ColumnType } from 'kysely';

export type JobState = 'running' | 'succeeded' | 'failed';

/**
 * Long-running work (a bulk export) and how far it got. In PostgreSQL, not in server memory, so that any
 * server behind the load balancer can answer "how far is my job" (issue 6).
 */
export interface JobsTable {
  /** A random UUID as text: unguessable, made by the server that starts the job. */
  id: string;
  kind: string;
  /** users.id of who started it; null for the CLI (SYSTEM_ACTOR). */
  owner_id: number | null;
  /** The organisation the job covers (the owner's org code; '' for all). */
  org_code: string;
  total: number;
  done: ColumnType<number, number | undefined, number>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface JobTables {
  jobs: JobsTable;
}
