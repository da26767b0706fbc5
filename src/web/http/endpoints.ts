import {
  FiscalYearListSchema,
  TargetsResponseSchema,
  UnitPageSchema,
  VersionedProjectSchema,
  type UnitListQuery,
  type UnitPage,
  type VersionedProject,
} from '../../contract/api.ts';
import { ProjectOrderResponseSchema } from '../../contract/project-order.ts';
import type { Project, TargetsDocument } from '../../contract/targets.ts';
import { jsonBody, request } from './client.ts';

/** The typed HTTP API (see src/server/routes). Path segments are always URI-encoded: project codes contain dashes and more. */
const e = encodeURIComponent;
const unitYear = (unitCode: string, year: number) => `/api/units/${e(unitCode)}/years/${year}`;
const projectPath = (unitCode: string, year: number, code: string) => `${unitYear(unitCode, year)}/projects/${e(code)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** A page of the readable units (server-side paging and filters; empty filters are left out of the URL). */
export async function fetchUnits(query: UnitListQuery = {}): Promise<UnitPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString() === '' ? '' : `?${params.toString()}`;
  const { data } = await request(UnitPageSchema, `/api/units${search}`);
  return data;
}

/** The fiscal years any readable unit has targets for, newest first. */
export async function fetchFiscalYears(): Promise<number[]> {
  const { data } = await request(FiscalYearListSchema, '/api/units/fiscal-years');
  return data.years;
}

export interface TargetsWithVersion {
  /** projectVersions: each project's version as read, what a delete from the list sends as If-Match. */
  document: TargetsDocument & { fiscalYear: number; projectVersions?: Record<string, number> };
  version: number | null;
}

export async function fetchTargets(unitCode: string, year: number): Promise<TargetsWithVersion> {
  const { data, version } = await request(TargetsResponseSchema, `${unitYear(unitCode, year)}/targets`);
  return { document: data, version };
}

export async function fetchProject(unitCode: string, year: number, code: string): Promise<VersionedProject> {
  const { data } = await request(VersionedProjectSchema, projectPath(unitCode, year, code));
  return data;
}

export async function createProject(unitCode: string, year: number, project: Project): Promise<VersionedProject> {
  const { data } = await request(VersionedProjectSchema, `${unitYear(unitCode, year)}/projects`, {
    method: 'POST',
    ...jsonBody(project),
  });
  return data;
}

export async function updateProject(
  unitCode: string,
  year: number,
  code: string,
  version: number,
  project: Project,
): Promise<VersionedProject> {
  const body = jsonBody(project);
  const init = { method: 'PUT', body: body.body, headers: { ...body.headers, ...ifMatch(version) } };
  const { data } = await request(VersionedProjectSchema, projectPath(unitCode, year, code), init);
  return data;
}

export async function deleteProject(unitCode: string, year: number, code: string, version: number): Promise<void> {
  await request(null, projectPath(unitCode, year, code), { method: 'DELETE', headers: ifMatch(version) });
}

/** Puts the unit-year's projects in this order; `version` is the document's as read (stale → 409). */
export async function reorderProjects(
  unitCode: string,
  year: number,
  codes: string[],
  version: number,
): Promise<number> {
  const body = jsonBody({ codes });
  const init = { method: 'PUT', body: body.body, headers: { ...body.headers, ...ifMatch(version) } };
  const { data } = await request(ProjectOrderResponseSchema, `${unitYear(unitCode, year)}/project-order`, init);
  return data.version;
}

export function exportUrl(unitCode: string, year: number, format: 'json' | 'text'): string {
  return `${unitYear(unitCode, year)}/export?format=${format}`;
}
