import { z } from 'zod';
import { PageQuerySchema, type Page, limitOffset } from '../contract/paging.ts';
import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import { findCommentPage, findVersionPage } from '../db/workflow-lists.repo.ts';
import type { CommentRow, VersionRow } from '../db/workflow.repo.ts';
import { targetsNotFound } from './project-access.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

type PageInput = { page?: number; pageSize?: number };

const VersionQueryInputSchema = UnitYearInputSchema.extend(PageQuerySchema.shape);

/** A page of the numbered snapshots of a unit-year's targets (one at every submit and approve), oldest first. */
export async function listTargetVersions(
  db: Db,
  input: { unitCode: string; fiscalYear: number } & PageInput,
): Promise<Page<VersionRow>> {
  const query = validateInput(VersionQueryInputSchema, input, '查询条件');
  const document = await findDocumentRef(db.kysely, query.unitCode, query.fiscalYear);
  if (!document) throw targetsNotFound(query);
  const { items, total } = await findVersionPage(db.kysely, document.id, limitOffset(query));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

const CommentQueryInputSchema = VersionQueryInputSchema.extend({
  projectCode: z.string().trim().min(1).max(200).optional(),
});

/** A page of a unit-year's review comments, oldest first, optionally those on one project. */
export async function listReviewComments(
  db: Db,
  input: { unitCode: string; fiscalYear: number; projectCode?: string } & PageInput,
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
