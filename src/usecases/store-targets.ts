import type { PreparedTargets } from '../contract/prepare-targets.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { assertTargetsEditable } from '../db/document-access.repo.ts';
import { type StoredDocument, findDocumentForReplace, upsertUnitDocument } from '../db/documents.repo.ts';
import { deleteProjectsOfDocument, insertProjects, loadProjects, projectVersions } from '../db/projects.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import type { Project } from '../domain/targets.ts';
import { assertEditable, type WorkflowState } from '../domain/workflow/states.ts';

export interface ImportTargetsResult {
  unitCode: string;
  fiscalYear: number;
  projects: number;
  indicators: number;
  /** The unit-year had targets before, which this import replaced whole. */
  replaced: boolean;
}

/**
 * Stores a prepared document as its unit-year's targets inside the caller's transaction (importTargets'
 * own, or importFile's): a constant number of statements whatever the number of projects — 4 for a new
 * unit-year, 8 for a re-import (which reads what it replaces, for the audit log and the version bumps,
 * and deletes it). Targets under review or approved are LOCKED.
 */
export async function storeTargets(
  trx: Executor,
  actor: Actor,
  prepared: PreparedTargets,
): Promise<ImportTargetsResult> {
  const { document, fiscalYear } = prepared;
  // Locked first, so what is read as "before" is what this import replaces (concurrent imports queue here).
  const earlier = await findDocumentForReplace(trx, document.unit.code, fiscalYear);
  if (earlier) assertEditable(earlier.state as WorkflowState); // targets under review or approved → LOCKED
  const earlierProjects = earlier ? await loadProjects(trx, earlier.id) : [];
  const stored = await upsertUnitDocument(trx, { unit: document.unit, fiscalYear, overall: document.overall });
  // A project that survives a re-import gets a newer version, so an edit based on what was
  // read before the import is refused rather than silently applied to the new content.
  const versions = new Map(earlierProjects.map(({ project, version }) => [project.code, version]));
  if (stored.replaced && !earlier) {
    // Another transaction created the unit-year after our read and committed first: check it now.
    await assertTargetsEditable(trx, stored.id);
    for (const [code, version] of await projectVersions(trx, stored.id)) versions.set(code, version);
  }
  if (stored.replaced) await deleteProjectsOfDocument(trx, stored.id);
  await insertProjects(
    trx,
    stored.id,
    document.projects.map((project, position) => ({
      position,
      version: (versions.get(project.code) ?? 0) + 1,
      project,
    })),
  );
  await recordAudit(trx, actor, {
    action: 'import-targets',
    unitCode: document.unit.code,
    fiscalYear,
    entity: 'target-document',
    entityKey: document.unit.code,
    before: earlier
      ? auditDocument(
          earlier,
          earlierProjects.map(({ project }) => project),
        )
      : undefined,
    after: { unit: document.unit, overall: document.overall, projects: document.projects },
  });
  return {
    unitCode: document.unit.code,
    fiscalYear,
    projects: document.projects.length,
    indicators: document.projects.reduce((sum, project) => sum + project.indicators.length, 0),
    replaced: stored.replaced,
  };
}

function auditDocument(stored: StoredDocument, projects: Project[]): object {
  return { unit: stored.unit, overall: stored.overall, projects };
}
