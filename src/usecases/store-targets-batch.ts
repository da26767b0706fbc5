import { type AuditEntry, recordAudits } from '../db/audit.repo.ts';
import { loadProjects, projectVersions } from '../db/projects.repo.ts';
import type { Executor } from '../db/schema.ts';
import {
  type ExistingDocument,
  type ProjectRow,
  deleteProjectsOfDocuments,
  documentKey,
  insertProjectsOfDocuments,
  unitYearKey,
  upsertUnitDocuments,
} from '../db/targets-batch.repo.ts';
import type { Actor } from '../domain/access.ts';
import type { Project } from '../domain/targets.ts';
import { assertTargetsEditable } from '../db/document-access.repo.ts';
import type { PreparedTargets } from '../contract/prepare-targets.ts';
import type { ImportTargetsResult } from './store-targets.ts';

/**
 * What storeTargets does for one document, for a batch of documents of distinct unit-years with a
 * constant number of statements per batch (upsert units and documents; delete what re-imports
 * replace; insert projects with their details; audit), plus three reads per re-imported unit-year
 * (what it replaces, for the audit log and the version bumps). `existing` is what the caller read
 * and locked with lockExistingDocuments, and checked to be editable (not under review or approved).
 */
export async function storeTargetsBatch(
  trx: Executor,
  actor: Actor,
  batch: readonly PreparedTargets[],
  existing: ReadonlyMap<string, ExistingDocument>,
): Promise<ImportTargetsResult[]> {
  const earlierProjects = new Map<string, Project[]>();
  const versions = new Map<string, Map<string, number>>();
  for (const [key, document] of existing) {
    const projects = await loadProjects(trx, document.id);
    earlierProjects.set(
      key,
      projects.map(({ project }) => project),
    );
    versions.set(key, new Map(projects.map(({ project, version }) => [project.code, version])));
  }
  const rows = batch.map(({ document, fiscalYear }) => ({
    unitCode: document.unit.code,
    fiscalYear,
    unit: document.unit,
    overall: document.overall,
  }));
  const stored = await upsertUnitDocuments(trx, rows);
  const documentIds = batch.map((prepared) => stored.get(documentKey(prepared))!.id);
  for (const [key, row] of stored) {
    if (!row.replaced || existing.has(key)) continue;
    // Another transaction created the unit-year after our locked read and committed first: check it now.
    await assertTargetsEditable(trx, row.id);
    versions.set(key, await projectVersions(trx, row.id));
  }
  await deleteProjectsOfDocuments(
    trx,
    [...stored.values()].filter((row) => row.replaced).map((row) => row.id),
  );
  await insertProjectsOfDocuments(trx, projectRows(batch, documentIds, versions));
  await recordAudits(
    trx,
    actor,
    batch.map((prepared) =>
      auditEntry(prepared, existing.get(documentKey(prepared)), earlierProjects.get(documentKey(prepared))),
    ),
  );
  return batch.map(({ document, fiscalYear }) => ({
    unitCode: document.unit.code,
    fiscalYear,
    projects: document.projects.length,
    indicators: document.projects.reduce((sum, project) => sum + project.indicators.length, 0),
    replaced: stored.get(unitYearKey({ unitCode: document.unit.code, fiscalYear }))!.replaced,
  }));
}

/**
 * A project that survives a re-import gets a newer version, so an edit based on what was read
 * before the import is refused rather than silently applied to the new content.
 */
function projectRows(
  batch: readonly PreparedTargets[],
  documentIds: number[],
  versions: Map<string, Map<string, number>>,
): ProjectRow[] {
  return batch.flatMap((prepared, index) => {
    const earlier = versions.get(documentKey(prepared));
    return prepared.document.projects.map((project, position) => ({
      documentId: documentIds[index]!,
      position,
      version: (earlier?.get(project.code) ?? 0) + 1,
      project,
    }));
  });
}

/** The same entry storeTargets writes: the whole document after, and what it replaced before. */
function auditEntry(
  { document, fiscalYear }: PreparedTargets,
  earlier: ExistingDocument | undefined,
  earlierProjects: Project[] | undefined,
): AuditEntry {
  return {
    action: 'import-targets',
    unitCode: document.unit.code,
    fiscalYear,
    entity: 'target-document',
    entityKey: document.unit.code,
    before: earlier ? { unit: earlier.unit, overall: earlier.overall, projects: earlierProjects ?? [] } : undefined,
    after: { unit: document.unit, overall: document.overall, projects: document.projects },
  };
}
