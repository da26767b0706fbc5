import { recordAudit } from '../db/audit.repo.ts';
import { findUnitId } from '../db/monitoring.repo.ts';
import { insertReportVersion, loadAllSectionTexts } from '../db/self-report.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import type { SelfReportSnapshot } from '../domain/self-report/types.ts';
import { readSelfReportFacts } from './read-self-report-facts.ts';

/**
 * Freezes the unit-year's 自评报告 with its 自评表 (decision 046), in the finalising transaction: the figures as
 * they stand and every edited text become the next version, which the final report prints from then on.
 */
export async function freezeSelfReportStep(
  trx: Executor,
  actor: Actor,
  key: { unitCode: string; fiscalYear: number },
): Promise<number> {
  const ref = { unitId: (await findUnitId(trx, key.unitCode))!, fiscalYear: key.fiscalYear };
  const snapshot: SelfReportSnapshot = {
    facts: await readSelfReportFacts(trx, key),
    texts: await loadAllSectionTexts(trx, ref),
  };
  const version = await insertReportVersion(trx, ref, snapshot, actor.username);
  await recordAudit(trx, actor, {
    action: 'freeze-self-report',
    unitCode: key.unitCode,
    fiscalYear: key.fiscalYear,
    entity: 'self-report',
    entityKey: `${key.unitCode}/${key.fiscalYear}`,
    after: { version },
  });
  return version;
}
