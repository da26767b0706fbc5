import { type DepartmentEvaluation, DepartmentRescoreBodySchema } from '../contract/department-evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { changeDepartmentEvaluationStatus } from '../db/department-evaluation.repo.ts';
import {
  loadDepartmentYear,
  presentDepartmentEvaluation,
  scoreDepartmentForm,
} from '../db/department-evaluation-year.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { finalRoleOfUnit } from '../db/approval-chain.repo.ts';
import { type EvaluationStatus, NEXT, assertStep } from '../domain/evaluation/procedure.ts';
import { AppError } from '../domain/errors.ts';
import { noticeOfDepartmentEvaluationStep } from '../domain/notifications.ts';
import { toFixed } from '../domain/rational.ts';

type Step =
  | { step: 'approve' | 'finalise' }
  | { step: 'return' | 'reopen'; comment: string }
  | { step: 'rescore'; rescore: unknown };

/**
 * One step of the 整体自评表 after the unit's submission (decision 045), by the project 自评's rules
 * (`procedure.ts`): the department approves or returns with a comment; the bureau re-scores with a reason
 * (复核: its form is stored beside the unit's and its score is the one in force), finalises, or reopens with
 * a reason. Compare-and-set on the status; audited; the unit is told of a return, a reopen and the final.
 */
export async function stepDepartmentEvaluation(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number } & Step,
): Promise<DepartmentEvaluation> {
  const key = validateInput(UnitYearInputSchema, input, '单位年度');
  const comment = 'comment' in input ? input.comment.trim() : undefined;
  if (comment === '') {
    throw new AppError('VALIDATION', input.step === 'return' ? '退回须填写意见' : '重新打开须填写原因', {
      location: { path: ['comment'] },
    });
  }
  const rescore =
    input.step === 'rescore' ? validateInput(DepartmentRescoreBodySchema, input.rescore, '复核评分') : undefined;
  return inTransaction(db, async (trx) => {
    const year = await loadDepartmentYear(trx, key);
    const from = year.stored?.status ?? 'none';
    // Every 整体自评表 the bureau sees is its to re-check: there is one per unit-year, no sample to draw.
    // The chain decides who finalises: the bureau by default, the superior union when it decides alone (decision 049).
    assertStep(input.step, from, actor.role, true, await finalRoleOfUnit(trx, key.unitCode));
    const to: EvaluationStatus = NEXT[input.step]!;
    const recheck = rescore && {
      form: rescore.form,
      reason: rescore.reason.trim(),
      by: actor.username,
      at: new Date().toISOString(),
    };
    const rescored = recheck && scoreDepartmentForm(year, recheck.form, true);
    const version = await changeDepartmentEvaluationStatus(
      trx,
      { unitId: year.unitId, fiscalYear: year.fiscalYear },
      {
        from: from as EvaluationStatus,
        status: to,
        updatedBy: actor.username,
        ...(comment === undefined ? {} : { reviewComment: comment }),
        ...(recheck ? { recheck } : {}),
      },
    );
    if (version === undefined) throw new AppError('CONFLICT', '部门整体自评表的状态刚被他人改变，请刷新后重试');
    await recordAudit(trx, actor, {
      action: `${input.step}-department-evaluation`,
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'department-evaluation',
      entityKey: `${key.unitCode}/${key.fiscalYear}`,
      before: { status: from },
      after: {
        status: to,
        ...(comment === undefined ? {} : { comment }),
        ...(recheck && rescored ? { reason: recheck.reason, total: toFixed(rescored.total) } : {}),
      },
    });
    await notifyUnit(trx, key, noticeOfDepartmentEvaluationStep(input.step, actor, comment));
    return presentDepartmentEvaluation(year, {
      status: to,
      version,
      updatedBy: actor.username,
      updatedAt: new Date(),
      ...(comment === undefined ? {} : { reviewComment: comment }),
      ...(recheck ? { recheck } : {}),
    });
  });
}
