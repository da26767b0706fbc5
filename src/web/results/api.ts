import {
  type DecideNoticeBody,
  type IssueNoticeBody,
  type Notice,
  NoticeSchema,
  type ReplyNoticeBody,
  type ResultPage,
  ResultPageSchema,
  type UnitResult,
  UnitResultSchema,
} from '../../contract/results.ts';
import { jsonBody, request } from '../http/client.ts';

/** 结果应用's API (decision 048): the results list, a unit-year's results, the 整改通知's steps. */
const e = encodeURIComponent;
const resultsPath = (unitCode: string, year: number) => `/api/units/${e(unitCode)}/years/${year}/results`;
const noticePath = (unitCode: string, year: number, id: number) => `${resultsPath(unitCode, year)}/notices/${id}`;
const post = (body: unknown): RequestInit => ({ method: 'POST', ...jsonBody(body) });

export interface ResultFilters {
  year?: number | undefined;
  grade?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  search?: string | undefined;
}

export async function fetchResults(filters: ResultFilters, page: number, pageSize: number): Promise<ResultPage> {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  return (await request(ResultPageSchema, `/api/results?${params}`)).data;
}

export async function fetchUnitResults(unitCode: string, year: number): Promise<UnitResult> {
  return (await request(UnitResultSchema, resultsPath(unitCode, year))).data;
}

export async function issueNotice(unitCode: string, year: number, body: IssueNoticeBody): Promise<Notice> {
  return (await request(NoticeSchema, `${resultsPath(unitCode, year)}/notices`, post(body))).data;
}

export async function replyNotice(unitCode: string, year: number, id: number, body: ReplyNoticeBody): Promise<Notice> {
  return (await request(NoticeSchema, `${noticePath(unitCode, year, id)}/reply`, post(body))).data;
}

export async function decideNotice(
  unitCode: string,
  year: number,
  id: number,
  body: DecideNoticeBody,
): Promise<Notice> {
  return (await request(NoticeSchema, `${noticePath(unitCode, year, id)}/decision`, post(body))).data;
}

export async function uploadNoticeEvidence(unitCode: string, year: number, id: number, file: File): Promise<Notice> {
  const path = `${noticePath(unitCode, year, id)}/evidence?fileName=${e(file.name)}`;
  const init = { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } };
  return (await request(NoticeSchema, path, init)).data;
}

export const noticeFileUrl = (unitCode: string, year: number, id: number, fileId: number) =>
  `${noticePath(unitCode, year, id)}/evidence/${fileId}`;
