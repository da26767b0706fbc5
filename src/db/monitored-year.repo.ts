import { AppError } from '../domain/errors.ts';
import { readMonitoringPolicy } from '../contract/policies.ts';
import type { MonitoringPolicy } from '../domain/monitoring/policy.ts';
import { targetsNotFound } from '../domain/not-found.ts';
import type { Project, Unit } from '../domain/targets.ts';
import { findDocument } from './documents.repo.ts';
import { versionConflict } from './last-change.repo.ts';
import { type UnitYearRef, bumpMonitoringVersion, findUnitId, loadMonitoringVersions } from './monitoring.repo.ts';
import { policyForUnit } from './policies.repo.ts';
import { loadProjects } from './projects.repo.ts';
import type { Executor } from './schema.ts';

/** What every monitoring use-case starts from: the unit-year's targets, which monitoring watches. */
export interface MonitoredYear {
  ref: UnitYearRef;
  unit: Unit;
  projects: Project[];
}

export async function loadMonitoredYear(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<MonitoredYear> {
  const unitId = await findUnitId(db, key.unitCode);
  const document = unitId === undefined ? undefined : await findDocument(db, key.unitCode, key.fiscalYear);
  if (unitId === undefined || !document) throw targetsNotFound(key);
  const projects = (await loadProjects(db, document.id)).map((p) => p.project);
  return { ref: { unitId, fiscalYear: key.fiscalYear }, unit: document.unit, projects };
}

/** The loaded year's project of this code, or NOT_FOUND at `path` of the caller's input. */
export function requireMonitoredProject(
  year: MonitoredYear,
  projectCode: string,
  path: (string | number)[] = ['projectCode'],
): Project {
  const project = year.projects.find((p) => p.code === projectCode);
  if (!project) {
    throw new AppError(
      'NOT_FOUND',
      `单位 ${year.unit.code} ${year.ref.fiscalYear} 年度没有编码为 ${projectCode} 的项目`,
      { location: { path } },
    );
  }
  return project;
}

/**
 * The compare-and-set every monitoring write of a project starts with (decision 023): bumps the
 * project's monitoring version if it is still at `expectedVersion` (undefined: the demo loader, no
 * check) and returns the new one; otherwise CONFLICT naming who wrote last, and the caller's
 * transaction writes nothing.
 */
export async function claimMonitoringVersion(
  db: Executor,
  year: MonitoredYear,
  input: { projectCode: string; expectedVersion: number | undefined; by: string },
): Promise<number> {
  const version = await bumpMonitoringVersion(db, year.ref, input);
  if (version !== undefined) return version;
  const current = (await loadMonitoringVersions(db, year.ref)).get(input.projectCode);
  throw await versionConflict(db, `项目 ${input.projectCode} 的监控数据`, {
    username: current?.updatedBy ?? null,
    at: current?.updatedAt ?? null,
    currentVersion: current?.version ?? 0,
    expectedVersion: input.expectedVersion!,
  });
}

/** The bureau's rules for the unit (nearest organisation's policy), defaults filled. */
export async function monitoringPolicyFor(db: Executor, unitCode: string): Promise<MonitoringPolicy> {
  const body = await policyForUnit(db, unitCode, 'monitoring');
  try {
    return readMonitoringPolicy(body);
  } catch {
    throw new AppError('VALIDATION', `单位 ${unitCode} 适用的监控规则（policy monitoring）格式不正确，请财政局修正`);
  }
}

/** The monitoring versions of these projects (0 where nothing is stored yet): what a payments preview hands out. */
export async function monitoringVersionsOf(
  db: Executor,
  ref: UnitYearRef,
  projectCodes: readonly string[],
): Promise<Record<string, number>> {
  const stored = await loadMonitoringVersions(db, ref);
  return Object.fromEntries(projectCodes.map((code) => [code, stored.get(code)?.version ?? 0]));
}
