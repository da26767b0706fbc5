import { z } from 'zod';
import { DisclosureKindSchema } from '../contract/disclosure.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import type { Db } from '../db/database.ts';
import { loadDisclosureContext, lockPackages, withdrawPackages } from '../db/disclosure.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { mayPublish, noticeOfDisclosure } from '../domain/disclosure/status.ts';
import { AppError } from '../domain/errors.ts';

const WithdrawInputSchema = UnitYearInputSchema.extend({
  kind: DisclosureKindSchema,
  reason: z.string().trim().min(2, { message: '请写明撤回的原因' }).max(500),
});

/**
 * 撤回发布: takes every public version of the unit-year's package of `kind` out of public view at once, with the
 * reason, audited (decision 047). The rows stay (who published what, and when, remains on record); publishing
 * again makes a new, public version.
 */
export async function withdrawDisclosure(
  db: Db,
  actor: Actor,
  input: z.input<typeof WithdrawInputSchema>,
): Promise<{ withdrawn: number[] }> {
  const key = validateInput(WithdrawInputSchema, input, '撤回发布');
  return inTransaction(db, async (trx) => {
    const context = await loadDisclosureContext(trx, key.unitCode, key.fiscalYear);
    if (!context) throw new AppError('NOT_FOUND', `找不到单位“${key.unitCode}”`, { location: { field: 'unitCode' } });
    if (!mayPublish(actor, context.policy))
      throw new AppError('FORBIDDEN', '财政局未允许单位自行撤回公开包：请由财政局撤回', {
        location: { field: 'kind' },
      });
    await lockPackages(trx, context.unitId);
    const withdrawn = await withdrawPackages(
      trx,
      { unitId: context.unitId, year: key.fiscalYear, kind: key.kind },
      actor.username,
      key.reason,
    );
    if (withdrawn.length === 0)
      throw new AppError('VALIDATION', '该公开包没有已发布的版本，无需撤回', { location: { field: 'kind' } });
    await recordAudit(trx, actor, {
      action: 'withdraw-disclosure',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'disclosure-package',
      entityKey: `${key.unitCode}/${key.fiscalYear}/${key.kind}`,
      after: { withdrawn, reason: key.reason },
    });
    await notifyUnit(trx, key, noticeOfDisclosure('withdrawn', key.kind, actor, { reason: key.reason }));
    return { withdrawn };
  });
}
