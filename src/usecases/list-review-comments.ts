import { z } from 'zod';
import { PageQuerySchema, type Page, limitOffset } from '../contract/paging.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import { findCommentPage } from '../db/workflow-lists.repo.ts';
import type { CommentRow } from '../db/workflow.repo.ts';
import { targetsNotFound } from '../domain/not-found.ts';

const CommentQueryInputSchema = UnitYearInputSchema.extend(PageQuerySchema.shape).extend({
  projectCode: z.string().trim().min(1).max(200).optional(),
});

/** A page of a unit-year's review comments, oldest first, optionally those on one project. */
export async function listReviewComments(
  db: Db,
  input: { unitCode: string; fiscalYear: number; projectCode?: string; page?: number; pageSize?: number },
): Promise<Page<CommentRow>> {
  const query = validateInput(CommentQueryInputSchema, input, '查询条件');
  const document = await findDocumentRef(db.kysely, query.unitCode, query.fiscalYear);
  if (!document) throw targetsNotFound(query);
  const { items, total } = await findCommentPage(
    db.kysely,
    document.id,
    { projectCode: query.projectCode },
    limitOffset(query),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}
