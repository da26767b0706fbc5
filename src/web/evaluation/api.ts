import { EvaluationHistorySchema, EvaluationSchema, type Evaluation, type EvaluationHistory, type SaveEvaluationBody } from '../../contract/evaluation.ts';
import { jsonBody, request } from '../http/client.ts';

/** The self-evaluation's HTTP calls (src/server/routes/evaluation.ts). */
const unitYear = (unitCode: string, year: number) => `/api/units/${encodeURIComponent(unitCode)}/years/${year}`;

export async function fetchEvaluation(unitCode: string, year: number): Promise<Evaluation> {
  return (await request(EvaluationSchema, `${unitYear(unitCode, year)}/evaluation`)).data;
}

export async function saveEvaluation(unitCode: string, year: number, body: SaveEvaluationBody): Promise<Evaluation> {
  return (await request(EvaluationSchema, `${unitYear(unitCode, year)}/evaluation`, { method: 'PUT', ...jsonBody(body) })).data;
}

export async function fetchEvaluationHistory(unitCode: string, year: number): Promise<EvaluationHistory> {
  return (await request(EvaluationHistorySchema, `${unitYear(unitCode, year)}/history`)).data;
}
