import {
  EvaluationHistorySchema,
  EvaluationSchema,
  type Evaluation,
  type EvaluationHistory,
  type SaveEvaluationBody,
} from '../../contract/evaluation.ts';
import { jsonBody, request } from '../http/client.ts';

/** The self-evaluation's HTTP calls (src/server/routes/evaluation.ts). */
const unitYear = (unitCode: string, year: number) => `/api/units/${encodeURIComponent(unitCode)}/years/${year}`;

export async function fetchEvaluation(unitCode: string, year: number): Promise<Evaluation> {
  return (await request(EvaluationSchema, `${unitYear(unitCode, year)}/evaluation`)).data;
}

/**
 * Saves the 自评表 based on `version` (the evaluation's `version` as read; If-Match): a stale one is a
 * 409 whose error.details says who saved it and when. The answer carries the new version.
 */
export async function saveEvaluation(
  unitCode: string,
  year: number,
  version: number,
  body: SaveEvaluationBody,
): Promise<Evaluation> {
  const json = jsonBody(body);
  const init = { method: 'PUT', body: json.body, headers: { ...json.headers, 'If-Match': `"${version}"` } };
  return (await request(EvaluationSchema, `${unitYear(unitCode, year)}/evaluation`, init)).data;
}

export async function fetchEvaluationHistory(unitCode: string, year: number): Promise<EvaluationHistory> {
  return (await request(EvaluationHistorySchema, `${unitYear(unitCode, year)}/history`)).data;
}
