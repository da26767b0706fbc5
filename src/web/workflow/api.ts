import {
  DiffResponseSchema,
  OverviewSchema,
  ReviewCommentSchema,
  TransitionResultSchema,
  WorkflowViewSchema,
  type OverviewQuery,
  type OverviewView,
  type TargetsChangeView,
  type WorkflowView,
} from '../../contract/workflow.ts';
import {
  BatchTransitionResultSchema,
  type BatchTransitionBody,
  type BatchTransitionResult,
} from '../../contract/review-opinions.ts';
import type { WorkflowAction } from '../../domain/workflow/states.ts';
import { jsonBody, request } from '../http/client.ts';

/** The workflow's HTTP calls (src/server/routes/workflow.ts). */
const e = encodeURIComponent;
const flow = (unitCode: string, year: number) => `/api/units/${e(unitCode)}/years/${year}/workflow`;

const STEP_PATH: Record<WorkflowAction, string> = {
  submit: 'submit',
  withdraw: 'withdraw',
  'request-adjustment': 'adjustment',
  review: 'review',
  return: 'return',
  approve: 'approve',
  'agree-adjustment': 'adjustment/agree',
  'reject-adjustment': 'adjustment/reject',
};

export async function fetchWorkflow(unitCode: string, year: number): Promise<WorkflowView> {
  return (await request(WorkflowViewSchema, flow(unitCode, year))).data;
}

export interface TransitionBody {
  comment?: string;
  reason?: string;
  projectCode?: string | null;
  indicatorIndex?: number | null;
  expectedStateVersion?: number;
}

export async function takeStep(
  unitCode: string,
  year: number,
  action: WorkflowAction,
  body: TransitionBody,
): Promise<void> {
  await request(TransitionResultSchema, `${flow(unitCode, year)}/${STEP_PATH[action]}`, {
    method: 'POST',
    ...jsonBody(body),
  });
}

export async function addComment(
  unitCode: string,
  year: number,
  body: { body: string; projectCode?: string | null; indicatorIndex?: number | null },
): Promise<void> {
  await request(ReviewCommentSchema, `${flow(unitCode, year)}/comments`, { method: 'POST', ...jsonBody(body) });
}

export async function fetchDiff(
  unitCode: string,
  year: number,
  from: number | 'current',
  to: number | 'current',
): Promise<TargetsChangeView[]> {
  return (await request(DiffResponseSchema, `${flow(unitCode, year)}/diff?from=${from}&to=${to}`)).data.changes;
}

/** Reviews or approves several unit-years, each on its own; the answer says per item what happened. */
export async function batchTransition(body: BatchTransitionBody): Promise<BatchTransitionResult> {
  return (await request(BatchTransitionResultSchema, '/api/workflow/batch', { method: 'POST', ...jsonBody(body) }))
    .data;
}

/** One page of the 审核总览, filtered and sorted on the server. */
export async function fetchOverview(query: OverviewQuery = {}): Promise<OverviewView> {
  return (await request(OverviewSchema, `/api/bureau/overview${queryString(query)}`)).data;
}

/** `?a=1&b=x` of the defined values. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
