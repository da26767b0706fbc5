import { runOnceAcrossWorkers } from './run-once.ts';

/**
 * The one place that names the run-wide server: global setup starts it under this name, and every
 * worker asking for it waits on the same name.
 */
export function startThrowawayPostgres(runDir: string, start: () => Promise<string>): Promise<string> {
  return runOnceAcrossWorkers(runDir, 'postgres', start);
}
