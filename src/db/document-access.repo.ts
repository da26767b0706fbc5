import { AppError } from '../domain/errors.ts';
import { projectNotFound, targetsNotFound } from '../domain/not-found.ts';
import { lockedMessage } from '../domain/workflow/states.ts';
import { TARGETS_FORMAT, type TargetsDocument } from '../domain/targets.ts';
import { type DocumentRef, bumpDocumentVersion, findDocument } from './documents.repo.ts';
import { lastAuditChange, versionConflict } from './last-change.repo.ts';
import { type ProjectRef, type VersionedProject, findProjectRef, loadProjects } from './projects.repo.ts';
import type { Executor } from './schema.ts';
import { findWorkflow } from './workflow.repo.ts';

/** The lookups every targets write starts with, failing as NOT_FOUND, LOCKED or CONFLICT in the same words. */

interface UnitYear {
  unitCode: string;
  fiscalYear: number;
}
type ProjectKey = UnitYear & { projectCode: string };

/**
 * Refuses a write to targets under review or approved (LOCKED), inside the writer's transaction
 * and after it has locked the document row, so a concurrent transition cannot slip in between.
 */
export async function assertTargetsEditable(trx: Executor, documentId: number): Promise<void> {
  const { state } = await findWorkflow(trx, documentId);
  const message = lockedMessage(state);
  if (message !== null) {
    throw new AppError('LOCKED', message, {
      location: { field: 'state' },
      details: { reason: 'targets.locked', state },
    });
  }
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

/** The unit-year's document in the exchange format, with its id and version; the caller provides the snapshot. */
export async function readWholeDocument(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<{ id: number; version: number; document: TargetsDocument; projectVersions: Record<string, number> }> {
  const stored = await findDocument(db, key.unitCode, key.fiscalYear);
  if (!stored) throw targetsNotFound(key);
  const projects = await loadProjects(db, stored.id);
  const document: TargetsDocument = {
    format: TARGETS_FORMAT,
    unit: stored.unit,
    fiscalYear: key.fiscalYear,
    overall: stored.overall,
    projects: projects.map(({ project }) => project),
  };
  const projectVersions = Object.fromEntries(projects.map(({ project, version }) => [project.code, version]));
  return { id: stored.id, version: stored.version, document, projectVersions };
}
