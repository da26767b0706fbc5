import type { Db } from '../src/db/database.ts';
import { findUnitId, setMonthlySpending } from '../src/db/monitoring.repo.ts';

/**
 * Year-end spending of the seed's 2020 projects, booked straight into monitoring's ledger (the
 * evaluation reads 执行数 from there). The rates are those of test/fixtures/shanhaiguan-2020.actuals.json
 * (提前下达… is spent in full against its unadjusted 29,800.00 here, against 32,800.00 there).
 */
const SEED_SPENDING: Record<string, [number, string][]> = {
  '711-0701-JBN-PGN6': [
    [6, '9800.00'],
    [12, '9800.00'],
  ], // 19600.00 of 20000.00
  '711-0403-JBN-3EQS': [[12, '14400.00']], // all of 14400.00
  '711-0403-JBN-MQNI': [
    [5, '10000.00'],
    [11, '20240.00'],
  ], // 30240.00 of 37800.00 (80 %)
  '711-0701-YSN-2UE1': [[3, '29800.00']], // all of 29800.00
};

export async function bookSeedSpending(db: Db, unitCode: string, fiscalYear: number, only?: string[]): Promise<void> {
  const unitId = await findUnitId(db.kysely, unitCode);
  if (unitId === undefined) throw new Error(`no unit ${unitCode}`);
  for (const [projectCode, months] of Object.entries(SEED_SPENDING)) {
    if (only && !only.includes(projectCode)) continue;
    for (const [month, amount] of months) {
      await setMonthlySpending(db.kysely, { unitId, fiscalYear }, { projectCode, month, source: 'fiscal', amount });
    }
  }
}
