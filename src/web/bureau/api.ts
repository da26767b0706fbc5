import {
  FinaliseBatchResultSchema,
  SampleResultSchema,
  type SampleResult,
  type SelectSampleBodySchema,
} from '../../contract/evaluation.ts';
import type { z } from 'zod';
import { jsonBody, request } from '../http/client.ts';

/** The bureau's 复核 of a year's 自评 (src/server/routes/evaluation-procedure.ts, decision 035). */
const yearPath = (year: number) => `/api/bureau/years/${year}/evaluation`;

export type SampleBody = z.input<typeof SelectSampleBodySchema>;

/** Draws the sample among the department-reviewed 自评表 of the year; a new draw adds to the selection. */
export async function drawRecheckSample(year: number, body: SampleBody): Promise<SampleResult> {
  return (await request(SampleResultSchema, `${yearPath(year)}/sample`, { method: 'POST', ...jsonBody(body) })).data;
}

/** Finalises every department-reviewed 自评表 of the year not selected for 复核; answers the codes finalised. */
export async function finaliseUnselected(year: number): Promise<string[]> {
  const path = `${yearPath(year)}/finalise`;
  return (await request(FinaliseBatchResultSchema, path, { method: 'POST', ...jsonBody({}) })).data.finalised;
}
