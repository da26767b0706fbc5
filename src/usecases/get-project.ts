import type { Db } from '../db/database.ts';
import { readProjectWithDetails } from '../db/project-read.repo.ts';
import type { VersionedProject } from '../db/projects.repo.ts';
import { projectNotFound, targetsNotFound } from '../domain/not-found.ts';
import { ProjectKeyInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * One project with the version a later update or delete must name. One statement reads document,
 * project and details together, so no transaction is needed for a consistent answer.
 */
export async function getProject(
  db: Db,
  input: { unitCode: string; fiscalYear: number; projectCode: string },
): Promise<VersionedProject> {
  const key = validateInput(ProjectKeyInputSchema, input, '查询条件');
  const found = await readProjectWithDetails(db.kysely, key);
  if (!found.document) throw targetsNotFound(key);
  if (!found.project) throw projectNotFound(key);
  return found.project;
}
