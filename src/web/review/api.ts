import { UnitReviewResponseSchema, type UnitReviewResponse } from '../../contract/review.ts';
import { request } from '../http/client.ts';

/** The review's HTTP call (src/server/routes/review.ts). */
export async function fetchReview(unitCode: string, year: number): Promise<UnitReviewResponse> {
  return (await request(UnitReviewResponseSchema, `/api/units/${encodeURIComponent(unitCode)}/years/${year}/review`))
    .data;
}
