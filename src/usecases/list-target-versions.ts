import { PageQuerySchema, type Page, limitOffset } from '../contract/paging.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import { findVersionPage } from '../db/workflow-lists.repo.ts';
import type { VersionRow } from '../db/workflow.repo.ts';
import { targetsNotFound } from '../domain/not-found.ts';

const VersionQueryInputSchema = UnitYearInputSchema.extend(PageQuerySchema.shape);

/** A page of the numbered snapshots of a unit-year's targets (one at every submit and approve), oldest first. */
export async function listTargetVersions(
  db: Db,
  input: { unitCode: string; fiscalYear: number; page?: number; pageSize?: number },
): Promise<Page<VersionRow>> {
  const query = validateInput(VersionQueryInputSchema, input, '查询条件');
  const document = await findDocumentRef(db.kysely, query.unitCode, query.fiscalYear);
  if (!document) throw targetsNotFound(query);
  const { items, total } = await findVersionPage(db.kysely, document.id, limitOffset(query));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
