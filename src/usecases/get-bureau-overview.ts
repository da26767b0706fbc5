import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { type DocumentStateRow, listDocumentStates } from '../db/workflow.repo.ts';
import type { Actor } from '../domain/access.ts';
import { isAppError } from '../domain/errors.ts';
import { reviewTargets } from '../domain/review/index.ts';
import { reviewPolicyForUnit } from './review-targets.ts';
import { readWholeDocument } from './get-targets.ts';
import { visibleUnitCodes } from './visible-units.ts';

export interface OverviewRow extends DocumentStateRow {
  grade: string | null;
  errors: number | null;
  warnings: number | null;
}

/**
 * 财政局总览: every unit-year the actor may see, with its workflow state and automated review grade
 * (src/domain/review). A bureau or department sees the units under it, a unit itself, admin all.
 */
export async function getBureauOverview(db: Db, actor: Actor, input: { fiscalYear?: number | undefined } = {}): Promise<OverviewRow[]> {
  return inTransaction(db, async (trx) => {
    const visible = await visibleUnitCodes(trx, actor);
    const rows = await listDocumentStates(trx, visible, input.fiscalYear);
    const result: OverviewRow[] = [];
    for (const row of rows) result.push({ ...row, ...(await gradeOf(trx, row)) });
    return result;
  }, 'repeatable read');
}

async function gradeOf(db: Executor, row: DocumentStateRow): Promise<Pick<OverviewRow, 'grade' | 'errors' | 'warnings'>> {
  const { document } = await readWholeDocument(db, { unitCode: row.unitCode, fiscalYear: row.fiscalYear });
  let policy;
  try {
    policy = await reviewPolicyForUnit(db, row.unitCode);
  } catch (error) {
    // A malformed stored policy is the bureau's to fix on its policy page; the overview still lists the unit.
    if (isAppError(error)) return { grade: null, errors: null, warnings: null };
    throw error;
  }
  const report = reviewTargets(document, policy);
  return {
    grade: report.grade,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    warnings: report.findings.filter((f) => f.severity === 'warning').length,
  };
}

