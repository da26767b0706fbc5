import { z } from 'zod';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { type CommentRow, findWorkflow, insertComment, listComments, lockDocumentRow } from '../db/workflow.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { notFound, targetsNotFound } from '../domain/not-found.ts';
import { REVIEWER_ROLES } from '../domain/workflow/states.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { requireUnitReach } from '../db/org-nodes.repo.ts';
import { readWholeDocument } from '../db/document-access.repo.ts';

const ReviewCommentInputSchema = UnitYearInputSchema.extend({
  body: z.string().trim().min(1).max(2000),
  /** Absent: about the whole document. */
  projectCode: z.string().trim().min(1).nullable().optional(),
  /** With a project: the indicator's position (0-based). */
  indicatorIndex: z.number().int().min(0).nullable().optional(),
});
export type ReviewCommentInput = z.input<typeof ReviewCommentInputSchema>;

/** A reviewer's comment on the whole document, a project, or one indicator of a project. */
export async function addReviewComment(db: Db, actor: Actor, input: ReviewCommentInput): Promise<CommentRow> {
  const parsed = validateInput(ReviewCommentInputSchema, input, '审核意见');
  const key = { unitCode: parsed.unitCode, fiscalYear: parsed.fiscalYear };
  if (!REVIEWER_ROLES.includes(actor.role))
    throw new AppError('FORBIDDEN', '只有主管部门和财政局可以填写审核意见', {
      details: { reason: 'review.comment-role' },
    });
  return inTransaction(db, async (trx) => {
    const locked = await lockDocumentRow(trx, key.unitCode, key.fiscalYear);
    if (!locked) throw targetsNotFound(key);
    await requireUnitReach(trx, actor, key.unitCode);
    const projectCode = parsed.projectCode ?? null;
    const indicatorIndex = projectCode === null ? null : (parsed.indicatorIndex ?? null);
    if (projectCode !== null) await requireTarget(await readWholeDocument(trx, key), projectCode, indicatorIndex);
    const { state } = await findWorkflow(trx, locked.id);
    const id = await insertComment(trx, {
      documentId: locked.id,
      actor,
      state,
      body: parsed.body,
      projectCode,
      indicatorIndex,
      transitionId: null,
    });
    await recordAudit(trx, actor, {
      action: 'add-review-comment',
      ...key,
      entity: 'review-comment',
      entityKey: String(id),
      after: { projectCode, indicatorIndex, body: parsed.body },
    });
    return (await listComments(trx, locked.id)).find((c) => c.id === id)!;
  });
}

async function requireTarget(
  whole: Awaited<ReturnType<typeof readWholeDocument>>,
  projectCode: string,
  indicatorIndex: number | null,
): Promise<void> {
  const project = whole.document.projects.find((p) => p.code === projectCode);
  if (!project)
    throw notFound('project', projectCode, `没有编码为 ${projectCode} 的项目`, { location: { field: 'projectCode' } });
  if (indicatorIndex !== null && indicatorIndex >= project.indicators.length) {
    throw new AppError(
      'VALIDATION',
      `项目 ${projectCode} 只有 ${project.indicators.length} 个指标，没有第 ${indicatorIndex + 1} 个`,
      {
        location: { field: 'indicatorIndex' },
        details: {
          reason: 'review.no-indicator',
          project: projectCode,
          count: project.indicators.length,
          position: indicatorIndex + 1,
        },
      },
    );
  }
}
