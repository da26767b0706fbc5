import type { FiscalYear, FiscalYearDeadlines } from '../contract/fiscal-years.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { managedBureau, readFiscalYear, setFiscalYearDeadlines } from '../db/fiscal-years.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { closedYearRefusal, validateDeadlines } from '../domain/fiscal-year.ts';

/** Changes an opened, open year's stage deadlines (decision 038); audited with the old and new dates. */
export async function setYearDeadlines(
  db: Db,
  actor: Actor,
  input: { year: number; orgCode?: string | undefined; deadlines: FiscalYearDeadlines },
): Promise<FiscalYear> {
  validateDeadlines(input.year, input.deadlines);
  return inTransaction(db, async (trx) => {
    const bureau = await managedBureau(trx, actor, input.orgCode);
    const before = await readFiscalYear(trx, bureau.code, input.year);
    if (before.openedAt === null) {
      throw new AppError('NOT_FOUND', `${input.year} 年度尚未开启，请先开启年度`, { location: { field: 'year' } });
    }
    if (before.status === 'closed') throw closedYearRefusal(input.year);
    await setFiscalYearDeadlines(trx, { organisationId: bureau.id, year: input.year, deadlines: input.deadlines });
    await recordAudit(trx, actor, {
      action: 'update-fiscal-year',
      fiscalYear: input.year,
      entity: 'fiscal-year',
      entityKey: `${bureau.code}/${input.year}`,
      before: before.deadlines,
      after: input.deadlines,
    });
    return readFiscalYear(trx, bureau.code, input.year);
  });
}
