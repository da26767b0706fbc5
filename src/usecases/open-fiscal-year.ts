import {
  type OpenFiscalYearInput,
  OpenFiscalYearInputSchema,
  type OpenFiscalYearResult,
} from '../contract/fiscal-years.ts';
import { readMonitoringPolicy } from '../contract/policies.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudits } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { copyLatestTargets } from '../db/fiscal-years-copy.repo.ts';
import { insertFiscalYear, managedBureau, readFiscalYear } from '../db/fiscal-years.repo.ts';
import { getPolicy } from '../db/policies.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { deadlinesForOpening, validateDeadlines } from '../domain/fiscal-year.ts';

/**
 * The bureau opens a fiscal year (decision 038): the year's row with its stage deadlines, and for every unit of
 * its tree with targets in an earlier year and none in this one, the latest earlier targets as a draft. One
 * transaction, audited (the year, and each unit given a draft); CONFLICT when the year is already open.
 */
export async function openFiscalYear(db: Db, actor: Actor, input: OpenFiscalYearInput): Promise<OpenFiscalYearResult> {
  const parsed = validateInput(OpenFiscalYearInputSchema, input, '开启年度的内容');
  return inTransaction(db, async (trx) => {
    const bureau = await managedBureau(trx, actor, parsed.orgCode);
    const policy = readMonitoringPolicy((await getPolicy(trx, bureau.code, 'monitoring')) ?? {});
    const deadlines = deadlinesForOpening(parsed.year, parsed.deadlines, policy.checkpoints);
    validateDeadlines(parsed.year, deadlines);
    const inserted = await insertFiscalYear(trx, {
      organisationId: bureau.id,
      year: parsed.year,
      deadlines,
      by: actor.username,
    });
    if (!inserted) {
      throw new AppError('CONFLICT', `${parsed.year} 年度已经开启过了，可在年度管理中修改截止日期或关闭年度`, {
        location: { field: 'year' },
        details: { reason: 'years.already-open', year: parsed.year },
      });
    }
    const copied = await copyLatestTargets(trx, bureau.code, parsed.year);
    // One entry for the year, and one per unit given a draft: the unit's history shows where its draft came from,
    // and each entry marks that unit-year's summary stale (the bureau views' read model, decision 013).
    const entityKey = `${bureau.code}/${parsed.year}`;
    await recordAudits(trx, actor, [
      {
        action: 'open-fiscal-year',
        fiscalYear: parsed.year,
        entity: 'fiscal-year',
        entityKey,
        after: { deadlines, copiedUnits: copied.units.length, alreadyPresent: copied.alreadyPresent },
      },
      ...copied.units.map((unit) => ({
        action: 'open-fiscal-year',
        unitCode: unit.code,
        fiscalYear: parsed.year,
        entity: 'target-document',
        entityKey: unit.code,
        after: { copiedFromYear: unit.fromYear },
      })),
    ]);
    return {
      year: await readFiscalYear(trx, bureau.code, parsed.year),
      copied: copied.units.length,
      alreadyPresent: copied.alreadyPresent,
      projects: copied.projects,
      indicators: copied.indicators,
    };
  });
}
