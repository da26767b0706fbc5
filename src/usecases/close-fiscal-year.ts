import { type FiscalYear } from '../contract/fiscal-years.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { insertFiscalYear, managedBureau, readFiscalYear, setFiscalYearStatus } from '../db/fiscal-years.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';

/**
 * Closes (or, with a reason, reopens) a fiscal year of the actor's bureau (decision 038). Closed, every write to
 * the year's targets, workflow, monitoring and 自评 is refused (LOCKED) by the database; reading stays. A year
 * never opened through Jixiao is closed all the same (its row is created closed). Audited.
 */
export async function closeFiscalYear(
  db: Db,
  actor: Actor,
  input: { year: number; orgCode?: string | undefined; reopen?: { reason: string } | undefined },
): Promise<FiscalYear> {
  const status = input.reopen ? 'open' : 'closed';
  return inTransaction(db, async (trx) => {
    const bureau = await managedBureau(trx, actor, input.orgCode);
    const before = await readFiscalYear(trx, bureau.code, input.year);
    // A year with data but never opened through Jixiao (the demo's 2020, an older install's years) closes all the same.
    if (before.openedAt === null && status === 'closed') {
      const deadlines = { targets: null, monitoring: null, evaluation: null };
      await insertFiscalYear(trx, { organisationId: bureau.id, year: input.year, deadlines, by: actor.username });
    }
    if (before.status === status) {
      const words = status === 'closed' ? '已经关闭' : '没有关闭';
      throw new AppError('CONFLICT', `${input.year} 年度${words}`, {
        location: { field: 'year' },
        details: { reason: status === 'closed' ? 'years.already-closed' : 'years.not-closed', year: input.year },
      });
    }
    await setFiscalYearStatus(trx, {
      organisationId: bureau.id,
      year: input.year,
      status,
      by: actor.username,
      ...(input.reopen ? { reason: input.reopen.reason } : {}),
    });
    const after = await readFiscalYear(trx, bureau.code, input.year);
    await recordAudit(trx, actor, {
      action: input.reopen ? 'reopen-fiscal-year' : 'close-fiscal-year',
      fiscalYear: input.year,
      entity: 'fiscal-year',
      entityKey: `${bureau.code}/${input.year}`,
      before: { status: before.status },
      after: { status: after.status, ...(input.reopen ? { reason: input.reopen.reason } : {}) },
    });
    return after;
  });
}
