import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { requireUnitReach } from '../db/org-nodes.repo.ts';
import { type OpinionRow, currentRound, insertOpinion, listOpinionItems } from '../db/review-opinions.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { findWorkflow, lockDocumentRow } from '../db/workflow.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { targetsNotFound } from '../domain/not-found.ts';
import { formProblem, pendingLevel, recordLevelFor } from '../domain/review/opinion.ts';
import { type ReviewOpinionBody, ReviewOpinionBodySchema } from '../contract/review-opinions.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * Records a reviewer's 绩效目标审核意见表 for one item (a project or the overall targets) at the
 * level the document waits for, in the current round (decision 033). A new row each time: earlier
 * forms stay as history, the latest is current. Audited in the same transaction.
 */
export async function recordReviewOpinion(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number; body: ReviewOpinionBody },
): Promise<OpinionRow> {
  const key = validateInput(UnitYearInputSchema, input, '审核意见表');
  const body = validateInput(ReviewOpinionBodySchema, input.body, '审核意见表');
  const problem = formProblem(body);
  if (problem !== null) throw new AppError('VALIDATION', problem, { location: { field: 'consultationNote' } });
  return inTransaction(db, async (trx) => {
    // The lock a transition takes: a form and a step never interleave.
    const document = await lockDocumentRow(trx, key.unitCode, key.fiscalYear);
    if (!document) throw targetsNotFound(key);
    const { hasDepartment, finalRole } = await requireUnitReach(trx, actor, key.unitCode);
    const { state } = await findWorkflow(trx, document.id);
    const record = recordLevelFor(actor.role, state, hasDepartment, finalRole);
    if (record.level === null) {
      const code = pendingLevel(state, hasDepartment, finalRole) === null ? 'CONFLICT' : 'FORBIDDEN';
      throw new AppError(code, record.reason, { location: { field: 'state' } });
    }
    if (body.projectCode !== null) {
      const projects = await listOpinionItems(trx, document.id);
      if (!projects.some((p) => p.projectCode === body.projectCode)) {
        throw new AppError(
          'NOT_FOUND',
          `项目 ${body.projectCode} 不在 ${key.unitCode} ${key.fiscalYear} 年的绩效目标中`,
          {
            location: { field: 'projectCode' },
          },
        );
      }
    }
    const round = await currentRound(trx, document.id);
    const consultationNote = body.consultationNote?.trim() || undefined;
    const saved = await insertOpinion(trx, {
      documentId: document.id,
      actor,
      values: { ...body, consultationNote, level: record.level, round },
    });
    await recordAudit(trx, actor, {
      action: 'record-review-opinion',
      ...key,
      entity: 'review-opinion',
      entityKey: `${key.unitCode}/${key.fiscalYear}/${record.level}/${round}/${body.projectCode ?? 'overall'}`,
      after: saved,
    });
    return saved;
  });
}
