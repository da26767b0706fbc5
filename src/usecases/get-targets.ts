import { findDocument } from '../db/documents.repo.ts';
import { loadProjects } from '../db/projects.repo.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { TARGETS_FORMAT, type TargetsDocument } from '../domain/targets.ts';
import { targetsNotFound } from './project-access.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

/** A unit-year's whole document, as the exchange format has it, with the version to send back. */
export async function getTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<{ document: TargetsDocument; version: number; projectVersions: Record<string, number> }> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  // One snapshot for the several reads, so a concurrent re-import is seen whole or not at all.
  return inTransaction(
    db,
    async (trx) => {
      const { document, version, projectVersions } = await readWholeDocument(trx, key);
      return { document, version, projectVersions };
    },
    'repeatable read',
  );
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
