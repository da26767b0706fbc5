import { z } from 'zod';
import { recordAudits } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import { noticeOfEvaluationStep } from '../domain/notifications.ts';
import { unitsDecidedByUnion } from '../db/approval-chain.repo.ts';
import type { Db } from '../db/database.ts';
import { changeEvaluationStatus, unitYearsAt } from '../db/evaluation-procedure.repo.ts';
import { findUnitId } from '../db/monitoring.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Actor } from '../domain/access.ts';
import { assertStep } from '../domain/evaluation/procedure.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';
import { freezeSelfReportStep } from './freeze-self-report.ts';

const YearSchema = z.object({ fiscalYear: z.number().int().min(1990).max(2100) });

/**
 * Finalises every department-reviewed 自评表 of the year the bureau did not select for 复核 (decision 035):
 * the batch that closes a year once the sample has been re-checked.
 */
export async function finaliseUnselected(
  db: Db,
  actor: Actor,
  input: { fiscalYear: number },
): Promise<{ fiscalYear: number; finalised: string[] }> {
  const { fiscalYear } = validateInput(YearSchema, input, '批量定稿');
  assertStep('finalise', 'reviewed', actor.role);
  return inTransaction(db, async (trx) => {
    const all = await unitYearsAt(trx, fiscalYear, unitScopeOf(actor), 'reviewed', false);
    // A unit whose superior union decides alone (decision 049) is finalised by that union, not in this batch.
    const byUnion = await unitsDecidedByUnion(trx, all);
    const codes = all.filter((code) => !byUnion.has(code));
    const finalised: string[] = [];
    for (const unitCode of codes) {
      const unitId = (await findUnitId(trx, unitCode))!;
      const version = await changeEvaluationStatus(
        trx,
        { unitId, fiscalYear },
        { from: 'reviewed', status: 'final', updatedBy: actor.username },
      );
      if (version === undefined) continue;
      finalised.push(unitCode);
      await freezeSelfReportStep(trx, actor, { unitCode, fiscalYear });
      await notifyUnit(trx, { unitCode, fiscalYear }, noticeOfEvaluationStep('finalise', actor, undefined));
    }
    await recordAudits(
      trx,
      actor,
      finalised.map((unitCode) => ({
        action: 'finalise-evaluation',
        unitCode,
        fiscalYear,
        entity: 'evaluation',
        entityKey: `${unitCode}/${fiscalYear}`,
        before: { status: 'reviewed' },
        after: { status: 'final', batch: true },
      })),
    );
    return { fiscalYear, finalised };
  });
}
