import type { z } from 'zod';
import type { Evaluation } from '../contract/evaluation.ts';
import type { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import { noticeOfEvaluationStep } from '../domain/notifications.ts';
import { type EvaluatedYear, loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import { finalRoleOfUnit } from '../db/approval-chain.repo.ts';
import { changeEvaluationStatus } from '../db/evaluation-procedure.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import { type EvaluationStatus, NEXT, assertStep } from '../domain/evaluation/procedure.ts';
import { AppError } from '../domain/errors.ts';
import { freezeSelfReportStep } from './freeze-self-report.ts';

type Key = z.infer<typeof UnitYearInputSchema>;

/**
 * One step of the 自评 after the unit's submission (财预〔2020〕10号, decision 035): checks the status it
 * starts from and the actor's role, moves the status (compare-and-set), and audits it. The department's
 * review, the bureau's finalisation and its reopen are this with their own inputs.
 */
export async function changeEvaluationStatusStep(
  trx: Executor,
  actor: Actor,
  key: Key,
  name: 'approve' | 'return' | 'finalise' | 'reopen',
  extra: { reviewComment?: string; audit?: Record<string, unknown> },
): Promise<Evaluation> {
  const year = await loadEvaluatedYear(trx, key);
  const from = year.stored?.status ?? 'none';
  assertStep(name, from, actor.role, year.stored?.recheck, await finalRoleOfUnit(trx, key.unitCode));
  const to = NEXT[name]!;
  const version = await changeEvaluationStatus(trx, refOf(year), {
    from: from as EvaluationStatus,
    status: to,
    updatedBy: actor.username,
    ...(extra.reviewComment === undefined ? {} : { reviewComment: extra.reviewComment }),
  });
  if (version === undefined) throw changedMeanwhile();
  await recordAudit(trx, actor, {
    action: `${name}-evaluation`,
    unitCode: key.unitCode,
    fiscalYear: key.fiscalYear,
    entity: 'evaluation',
    entityKey: `${key.unitCode}/${key.fiscalYear}`,
    before: { status: from },
    after: { status: to, ...extra.audit },
  });
  // The 自评报告 is frozen with the final 自评表 (decision 046); a reopen makes the live report editable again.
  if (to === 'final') await freezeSelfReportStep(trx, actor, key);
  await notifyUnit(trx, key, noticeOfEvaluationStep(name, actor, extra.reviewComment));
  return { ...presentEvaluation(withStatus(year, to, actor, extra.reviewComment)), version };
}

function withStatus(year: EvaluatedYear, status: EvaluationStatus, actor: Actor, comment?: string): EvaluatedYear {
  if (!year.stored) return year;
  return {
    ...year,
    stored: {
      ...year.stored,
      status,
      updatedBy: actor.username,
      ...(comment === undefined ? {} : { reviewComment: comment }),
    },
  };
}

export const refOf = (year: EvaluatedYear) => ({ unitId: year.unitId, fiscalYear: year.fiscalYear });

export function changedMeanwhile(): AppError {
  return new AppError('CONFLICT', '自评表的状态刚被他人改变，请刷新后重试');
}
