import {
  BureauMonitoringSchema,
  MonitoringActionSchema,
  type MonitoringActionView,
  PaymentsPreviewSchema,
  UnitMonitoringSchema,
  type BureauMonitoringQuery,
  type BureauMonitoringView,
  type PaymentsPreviewView,
  type ProgressBody,
  type UnitMonitoringView,
} from '../../contract/monitoring.ts';
import { type BureauRanking, BureauRankingSchema, type RankingQuery } from '../../contract/evaluation.ts';
import { ApiError, jsonBody, request } from '../http/client.ts';

/** The monitoring HTTP calls (src/server/routes/monitoring.ts). */
const e = encodeURIComponent;

/** `?a=1&b=x` of the defined values (the bureau views' paging and filters). */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
const base = (unitCode: string, year: number) => `/api/units/${e(unitCode)}/years/${year}/monitoring`;
const projectBase = (unitCode: string, year: number, code: string) => `${base(unitCode, year)}/projects/${e(code)}`;

export async function fetchMonitoring(unitCode: string, year: number, asOfMonth?: number): Promise<UnitMonitoringView> {
  const query = asOfMonth === undefined ? '' : `?asOfMonth=${asOfMonth}`;
  return (await request(UnitMonitoringSchema, `${base(unitCode, year)}${query}`)).data;
}

/** The project's monitoring version read with the table (projects[].version) travels as If-Match; the new one comes back as ETag. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

function versionedBody(version: number, body: unknown) {
  const json = jsonBody(body);
  return { body: json.body, headers: { ...json.headers, ...ifMatch(version) } };
}

export async function saveSpending(
  unitCode: string,
  year: number,
  code: string,
  version: number,
  entries: { month: number; source: 'fiscal' | 'other'; amount: string }[],
): Promise<number | null> {
  return (
    await request(null, `${projectBase(unitCode, year, code)}/spending`, {
      method: 'PUT',
      ...versionedBody(version, { entries }),
    })
  ).version;
}

export async function saveBudgetAdjustment(
  unitCode: string,
  year: number,
  code: string,
  version: number,
  body: { adjustedBudget: string; reason: string; effectiveDate: string },
): Promise<number | null> {
  return (
    await request(null, `${projectBase(unitCode, year, code)}/budget-adjustments`, {
      method: 'POST',
      ...versionedBody(version, body),
    })
  ).version;
}

export async function saveProgress(
  unitCode: string,
  year: number,
  code: string,
  version: number,
  body: ProgressBody,
): Promise<number | null> {
  return (
    await request(null, `${projectBase(unitCode, year, code)}/indicator-progress`, {
      method: 'PUT',
      ...versionedBody(version, body),
    })
  ).version;
}

/** A project's 全年预计执行数, 拨付 and 结转结余 at a checkpoint month (136号); the computed forecast is only a hint. */
export async function saveEntry(
  unitCode: string,
  year: number,
  code: string,
  version: number,
  body: { month: number; forecastFullYear: string; releasedToDate: string | null; carryOver: string | null },
): Promise<number | null> {
  return (
    await request(null, `${projectBase(unitCode, year, code)}/entry`, {
      method: 'PUT',
      ...versionedBody(version, body),
    })
  ).version;
}

/** Submits the unit's monitoring for a checkpoint: the server checks it is complete, then locks that month. */
export async function submitCheckpoint(unitCode: string, year: number, month: number): Promise<void> {
  await request(null, `${base(unitCode, year)}/submissions`, { method: 'POST', ...jsonBody({ month }) });
}

export async function recordAction(
  unitCode: string,
  year: number,
  body: {
    projectCode: string | null;
    warningId?: string | null;
    kind: string;
    body: string;
    deadline: string;
    asOfMonth?: number;
  },
): Promise<MonitoringActionView> {
  return (
    await request(MonitoringActionSchema, `${base(unitCode, year)}/actions`, { method: 'POST', ...jsonBody(body) })
  ).data;
}

/** The unit's 整改 reply (整改中 / 已整改), or the acting side's reopen with its reason. */
export async function answerAction(
  unitCode: string,
  year: number,
  id: number,
  step: { state: '整改中' | '已整改'; reply: string } | { reopen: string },
): Promise<void> {
  const [path, body] = 'reopen' in step ? ['reopen', { reason: step.reopen }] : ['reply', step];
  await request(null, `${base(unitCode, year)}/actions/${id}/${path}`, { method: 'POST', ...jsonBody(body) });
}

export interface PaymentsUpload {
  fileName: string;
  contentBase64: string;
  columns: { projectCode: string; date: string; amount: string; source?: string };
}

export async function previewPayments(
  unitCode: string,
  year: number,
  upload: PaymentsUpload,
): Promise<PaymentsPreviewView> {
  return (
    await request(PaymentsPreviewSchema, `${base(unitCode, year)}/payments/preview`, {
      method: 'POST',
      ...jsonBody(upload),
    })
  ).data;
}

/** Applies the file previewed, with the preview's versions: a booked project changed since → 409 (decision 023). */
export async function applyPayments(
  unitCode: string,
  year: number,
  upload: PaymentsUpload,
  expectedVersions: Record<string, number>,
): Promise<PaymentsPreviewView> {
  return (
    await request(PaymentsPreviewSchema, `${base(unitCode, year)}/payments`, {
      method: 'POST',
      ...jsonBody({ ...upload, expectedVersions }),
    })
  ).data;
}

export async function fetchBureauMonitoring(
  year: number,
  query: BureauMonitoringQuery = {},
): Promise<BureauMonitoringView> {
  return (await request(BureauMonitoringSchema, `/api/bureau/years/${year}/monitoring${queryString(query)}`)).data;
}

/** The ranking by self-evaluation score (src/server/routes/evaluation.ts), one page; null when the route is absent. */
export async function fetchRanking(year: number, query: RankingQuery = {}): Promise<BureauRanking | null> {
  try {
    return (await request(BureauRankingSchema, `/api/bureau/years/${year}/ranking${queryString(query)}`)).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
