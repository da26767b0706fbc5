import {
  EvaluationHistorySchema,
  EvaluationSchema,
  type Evaluation,
  type EvaluationHistory,
  type RescoreBody,
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

const evaluationPath = (unitCode: string, year: number) => `${unitYear(unitCode, year)}/evaluation`;
const post = (body: unknown = {}): RequestInit => ({ method: 'POST', ...jsonBody(body) });

/** The department's review of a submitted 自评表: approve, or return with a comment. */
export async function reviewEvaluation(
  unitCode: string,
  year: number,
  decision: 'approve' | 'return',
  comment: string,
): Promise<Evaluation> {
  const path = `${evaluationPath(unitCode, year)}/review`;
  return (await request(EvaluationSchema, path, post({ decision, comment }))).data;
}

export async function finaliseEvaluation(unitCode: string, year: number): Promise<Evaluation> {
  return (await request(EvaluationSchema, `${evaluationPath(unitCode, year)}/finalise`, post())).data;
}

export async function reopenEvaluation(unitCode: string, year: number, reason: string): Promise<Evaluation> {
  return (await request(EvaluationSchema, `${evaluationPath(unitCode, year)}/reopen`, post({ reason }))).data;
}

/** Uploads one 证明材料 as the request body (the server reads its type from the bytes). */
export async function uploadEvidence(unitCode: string, year: number, projectCode: string, file: File): Promise<void> {
  const path = `${evaluationPath(unitCode, year)}/projects/${encodeURIComponent(projectCode)}/evidence?fileName=${encodeURIComponent(file.name)}`;
  await request(null, path, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
}

export async function deleteEvidence(unitCode: string, year: number, id: number): Promise<void> {
  await request(null, `${evaluationPath(unitCode, year)}/evidence/${id}`, { method: 'DELETE' });
}

export const evidenceUrl = (unitCode: string, year: number, id: number) =>
  `${evaluationPath(unitCode, year)}/evidence/${id}`;
export const packageUrl = (unitCode: string, year: number) => `${evaluationPath(unitCode, year)}/package.zip`;

/** The bureau's 复核 re-score of indicators of a selected 自评表, each with its reason. */
export async function rescoreEvaluation(
  unitCode: string,
  year: number,
  indicators: RescoreBody['indicators'],
): Promise<Evaluation> {
  return (await request(EvaluationSchema, `${evaluationPath(unitCode, year)}/rescore`, post({ indicators }))).data;
}
