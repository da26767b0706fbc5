import { type DocumentRef, bumpDocumentVersion } from '../db/documents.repo.ts';
import { type ProjectRef, type VersionedProject, findProjectRef, loadProjects } from '../db/projects.repo.ts';
import type { Executor } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { assertTargetsEditable } from './assert-targets-editable.ts';

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

/** A write that names a version other than the stored one changes nothing. */
export function staleVersion(projectCode: string, stored: number, expected: number): AppError {
  return new AppError('CONFLICT', `项目 ${projectCode} 已被修改（当前版本 ${stored}，提交所依据的版本 ${expected}），请重新读取后再改`, {
    location: { field: 'version' },
  });
}
