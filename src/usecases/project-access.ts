import { type DocumentRef, bumpDocumentVersion } from '../db/documents.repo.ts';
import { type ProjectRef, type VersionedProject, findProjectRef, loadProjects } from '../db/projects.repo.ts';
import { lastAuditChange } from '../db/last-change.repo.ts';
import type { Executor } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { assertTargetsEditable } from './assert-targets-editable.ts';
import { versionConflict } from './version-conflict.ts';

/** The lookups every project use-case starts with, failing as NOT_FOUND in the same words. */

interface UnitYear {
  unitCode: string;
  fiscalYear: number;
}

export function targetsNotFound(key: UnitYear): AppError {
  return new AppError('NOT_FOUND', `单位 ${key.unitCode} 没有 ${key.fiscalYear} 年度的绩效目标`);
}

/**
 * Bumps (and so locks) the unit-year's document for a write, or throws NOT_FOUND; LOCKED when the
 * workflow has it under review or approved (decision 008).
 */
export async function lockDocumentForWrite(trx: Executor, key: UnitYear): Promise<DocumentRef> {
  const document = await bumpDocumentVersion(trx, key.unitCode, key.fiscalYear);
  if (!document) throw targetsNotFound(key);
  await assertTargetsEditable(trx, document.id);
  return document;
}

type ProjectKey = UnitYear & { projectCode: string };

export function projectNotFound(key: ProjectKey): AppError {
  return new AppError('NOT_FOUND', `单位 ${key.unitCode} ${key.fiscalYear} 年度没有编码为 ${key.projectCode} 的项目`);
}

export async function requireProjectRef(trx: Executor, documentId: number, key: ProjectKey): Promise<ProjectRef> {
  const project = await findProjectRef(trx, documentId, key.projectCode);
  if (!project) throw projectNotFound(key);
  return project;
}

/** The project as stored, with its indicators and spending plan, or NOT_FOUND. */
export async function readProject(trx: Executor, documentId: number, key: ProjectKey): Promise<VersionedProject> {
  const [found] = await loadProjects(trx, documentId, key.projectCode);
  if (!found) throw projectNotFound(key);
  return found;
}

/**
 * A write that names a version other than the stored one changes nothing: CONFLICT naming the last
 * writer of the project (its latest project entry in the audit log, or the import that stored it).
 */
export async function projectConflict(
  trx: Executor,
  key: ProjectKey,
  current: { code: string; version: number },
  expectedVersion: number,
): Promise<AppError> {
  const change = await lastAuditChange(trx, key, [
    { entity: 'project', entityKey: current.code },
    { entity: 'target-document' },
  ]);
  return versionConflict(trx, `项目 ${current.code} `, { ...change, currentVersion: current.version, expectedVersion });
}
