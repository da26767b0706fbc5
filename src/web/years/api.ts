import {
  type FiscalYear,
  type FiscalYearDeadlines,
  FiscalYearListResponseSchema,
  FiscalYearSchema,
  type OpenFiscalYearResult,
  OpenFiscalYearResultSchema,
  type PreviousActualsResponse,
  PreviousActualsResponseSchema,
} from '../../contract/fiscal-years.ts';
import { jsonBody, request } from '../http/client.ts';

/** The fiscal years' HTTP calls (src/server/routes/years.ts); the client adds the CSRF header to writes. */
export async function fetchYears(): Promise<FiscalYear[]> {
  return (await request(FiscalYearListResponseSchema, '/api/years')).data.items;
}

export async function openYear(year: number, deadlines: Partial<FiscalYearDeadlines>): Promise<OpenFiscalYearResult> {
  const init = { method: 'POST', ...jsonBody({ year, deadlines }) };
  return (await request(OpenFiscalYearResultSchema, '/api/years', init)).data;
}

export async function closeYear(year: number): Promise<FiscalYear> {
  return (await request(FiscalYearSchema, `/api/years/${year}/close`, { method: 'POST', ...jsonBody({}) })).data;
}

export async function reopenYear(year: number, reason: string): Promise<FiscalYear> {
  const init = { method: 'POST', ...jsonBody({ reason }) };
  return (await request(FiscalYearSchema, `/api/years/${year}/reopen`, init)).data;
}

export async function fetchPreviousActuals(unitCode: string, year: number): Promise<PreviousActualsResponse> {
  const path = `/api/units/${encodeURIComponent(unitCode)}/years/${year}/previous-actuals`;
  return (await request(PreviousActualsResponseSchema, path)).data;
}

export async function saveDeadlines(year: number, deadlines: FiscalYearDeadlines): Promise<FiscalYear> {
  const init = { method: 'PUT', ...jsonBody({ deadlines }) };
  return (await request(FiscalYearSchema, `/api/years/${year}/deadlines`, init)).data;
}
