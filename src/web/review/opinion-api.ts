import {
  ReviewOpinionSchema,
  ReviewOpinionsViewSchema,
  type ReviewOpinionBody,
  type ReviewOpinionDto,
  type ReviewOpinionsView,
} from '../../contract/review-opinions.ts';
import type { OpinionLevel } from '../../domain/review/opinion.ts';
import { jsonBody, request } from '../http/client.ts';

/** The 审核意见表's HTTP calls (src/server/routes: review-opinions). */
const e = encodeURIComponent;
const unitYear = (unitCode: string, year: number) => `/api/units/${e(unitCode)}/years/${year}`;

export async function fetchOpinions(unitCode: string, year: number): Promise<ReviewOpinionsView> {
  return (await request(ReviewOpinionsViewSchema, `${unitYear(unitCode, year)}/review-opinions`)).data;
}

/** Records a form at the signed-in user's level for this round; the server keeps every earlier one. */
export async function saveOpinion(unitCode: string, year: number, body: ReviewOpinionBody): Promise<ReviewOpinionDto> {
  return (
    await request(ReviewOpinionSchema, `${unitYear(unitCode, year)}/review-opinions`, {
      method: 'PUT',
      ...jsonBody(body),
    })
  ).data;
}

/** The printed 绩效目标审核意见表 of this round (both levels unless one is named). */
export function opinionExportUrl(unitCode: string, year: number, format: 'docx' | 'pdf', level?: OpinionLevel): string {
  const query = level ? `?level=${level}` : '';
  return `${unitYear(unitCode, year)}/export/review-opinions.${format}${query}`;
}
