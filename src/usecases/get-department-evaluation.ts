import type { DepartmentEvaluation } from '../contract/department-evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadDepartmentYear, presentDepartmentEvaluation } from '../db/department-evaluation-year.repo.ts';
import { inTransaction } from '../db/transaction.ts';

/**
 * The unit-year's 部门整体支出绩效自评表 with its computed scores (decision 045): the stored form, or null when
 * none is stored — unless `draft`, then a first draft pre-filled from the projects' budgets and the project
 * 自评's 执行数 (status 'none', version 0). The 自评报告 and the disclosure package read it the same way.
 */
export async function getDepartmentEvaluation(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
  options: { draft?: boolean } = {},
): Promise<DepartmentEvaluation | null> {
  const key = validateInput(UnitYearInputSchema, input, '单位年度');
  const year = await inTransaction(db, (trx) => loadDepartmentYear(trx, key), 'repeatable read');
  if (!year.stored && !options.draft) return null;
  return presentDepartmentEvaluation(year);
}
