import {
  type DepartmentEvaluation,
  DepartmentEvaluationSchema,
  type OverallIndicatorsBody,
  OverallIndicatorsSchema,
} from '../../contract/department-evaluation.ts';
import { jsonBody, request } from '../http/client.ts';
import type { Form, ReviewStep } from './form-state.ts';

/** 部门整体绩效's HTTP calls (src/server/routes/department-evaluation.ts). */
const unitYear = (unitCode: string, year: number) => `/api/units/${encodeURIComponent(unitCode)}/years/${year}`;
const path = (unitCode: string, year: number) => `${unitYear(unitCode, year)}/department-evaluation`;
const ifMatch = (version: number, body: unknown): RequestInit => {
  const json = jsonBody(body);
  return { method: 'PUT', body: json.body, headers: { ...json.headers, 'If-Match': `"${version}"` } };
};

export async function fetchDepartmentEvaluation(unitCode: string, year: number): Promise<DepartmentEvaluation> {
  return (await request(DepartmentEvaluationSchema, path(unitCode, year))).data;
}

/** Saves (or submits) the form based on `version` (If-Match): a stale one is a 409 naming who saved it. */
export async function saveDepartmentEvaluation(
  unitCode: string,
  year: number,
  version: number,
  form: Form,
  submit: boolean,
): Promise<DepartmentEvaluation> {
  return (await request(DepartmentEvaluationSchema, path(unitCode, year), ifMatch(version, { form, submit }))).data;
}

/** One reviewer's step; `text` is the comment, the reopen reason or the re-score's reason. */
export async function stepDepartmentEvaluation(
  unitCode: string,
  year: number,
  step: ReviewStep,
  text: string,
  form: Form,
): Promise<DepartmentEvaluation> {
  const bodies: Record<ReviewStep, [string, unknown]> = {
    approve: ['review', { decision: 'approve' }],
    return: ['review', { decision: 'return', comment: text }],
    rescore: ['rescore', { form, reason: text }],
    finalise: ['finalise', {}],
    reopen: ['reopen', { reason: text }],
  };
  const [route, body] = bodies[step];
  const init = { method: 'POST', ...jsonBody(body) };
  return (await request(DepartmentEvaluationSchema, `${path(unitCode, year)}/${route}`, init)).data;
}

export const exportUrl = (unitCode: string, year: number, format: 'docx' | 'xlsx' | 'pdf') =>
  `${path(unitCode, year)}/export?format=${format}`;

/** Replaces the overall indicators and 年度预算 based on the targets document's version (If-Match). */
export async function saveOverallIndicators(
  unitCode: string,
  year: number,
  version: number,
  body: OverallIndicatorsBody,
) {
  return (
    await request(OverallIndicatorsSchema, `${unitYear(unitCode, year)}/overall-indicators`, ifMatch(version, body))
  ).data;
}
