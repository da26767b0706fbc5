import { z } from 'zod';

/** GET /api/jobs/:id — how far a long-running job (a bulk export) got, from any server process. */
export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'succeeded', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  error: z.string().nullable(),
});
export type JobView = z.infer<typeof JobSchema>;

export const JobParamsSchema = z.object({ id: z.string().uuid() });

/** The response header naming the job that a streamed download reports its progress to. */
export const JOB_HEADER = 'X-Jixiao-Job';
