import { z } from 'zod';
import { type DepartmentEvaluation, SaveDepartmentEvaluationBodySchema } from '../contract/department-evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { saveDepartmentEvaluationForm } from '../db/department-evaluation.repo.ts';
import {
  type DepartmentYear,
  loadDepartmentYear,
  presentDepartmentEvaluation,
  scoreDepartmentForm,
} from '../db/department-evaluation-year.repo.ts';
import { lastAuditChange, versionConflict } from '../db/last-change.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { departmentEvaluationGaps } from '../domain/department-evaluation/gaps.ts';
import { NEXT, assertStep } from '../domain/evaluation/procedure.ts';
import { AppError } from '../domain/errors.ts';
import { toFixed } from '../domain/rational.ts';

const InputSchema = UnitYearInputSchema.extend(SaveDepartmentEvaluationBodySchema.shape).extend({
  /** The version read (If-Match; 0 = none stored yet). */
  expectedVersion: z.number().int().nonnegative(),
});

/**
 * Stores the unit-year's 部门整体支出绩效自评表 whole and returns it scored (decision 045). Only a draft may be
 * saved (the project 自评's rules: a submitted or later one is LOCKED); a stale version is a CONFLICT naming
 * who saved last; `submit` is refused while a figure, an actual, an evaluator's decision, a required 偏差原因 or
 * a management item's score or reason is missing, one issue per gap.
 */
export async function saveDepartmentEvaluation(
  db: Db,
  actor: Actor,
  input: z.input<typeof InputSchema>,
): Promise<DepartmentEvaluation> {
  const parsed = validateInput(InputSchema, input, '部门整体自评表');
  const key = { unitCode: parsed.unitCode, fiscalYear: parsed.fiscalYear };
  return inTransaction(db, async (trx) => {
    const year = await loadDepartmentYear(trx, key);
    const from = year.stored?.status ?? 'none';
    const step = parsed.submit ? 'submit' : 'save';
    assertStep(step, from, actor.role);
    const current = year.stored?.version ?? 0;
    if (current !== parsed.expectedVersion) throw await staleWrite(trx, key, current, parsed.expectedVersion);
    const score = scoreDepartmentForm(year, parsed.form, true);
    if (parsed.submit) refuseGaps(departmentEvaluationGaps(score, parsed.form));
    const status = NEXT[step]!;
    const ref = { unitId: year.unitId, fiscalYear: year.fiscalYear };
    const write = { expectedVersion: current, form: parsed.form, status, updatedBy: actor.username };
    const version = await saveDepartmentEvaluationForm(trx, ref, write);
    if (version === undefined) throw await staleWrite(trx, key, current + 1, parsed.expectedVersion);
    await recordAudit(trx, actor, {
      action: parsed.submit ? 'submit-department-evaluation' : 'save-department-evaluation',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'department-evaluation',
      entityKey: `${key.unitCode}/${key.fiscalYear}`,
      before: year.stored ? { status: from, form: year.stored.form } : null,
      after: { status, form: parsed.form, total: toFixed(score.total) },
    });
    return presentDepartmentEvaluation(withForm(year, parsed.form), { status, version, updatedBy: actor.username });
  });
}

function withForm(year: DepartmentYear, form: DepartmentYear['prefill']): DepartmentYear {
  const stored = year.stored ?? {
    status: 'draft' as const,
    form,
    recheck: null,
    reviewComment: '',
    version: 0,
    updatedBy: '',
    updatedAt: new Date(),
  };
  return { ...year, stored: { ...stored, form, updatedAt: new Date() } };
}

async function staleWrite(
  trx: Executor,
  key: { unitCode: string; fiscalYear: number },
  currentVersion: number,
  expectedVersion: number,
): Promise<AppError> {
  const change = await lastAuditChange(trx, key, [{ entity: 'department-evaluation' }]);
  return versionConflict(trx, `${key.unitCode} ${key.fiscalYear} 年度的部门整体自评表`, {
    ...change,
    currentVersion,
    expectedVersion,
  });
}

function refuseGaps(issues: { path: (string | number)[]; message: string }[]): void {
  if (issues.length === 0) return;
  throw new AppError(
    'VALIDATION',
    `部门整体自评表尚不能提交：${issues[0]!.message}${issues.length > 1 ? `（共 ${issues.length} 处）` : ''}`,
    {
      location: { path: ['form', ...issues[0]!.path] },
      issues: issues.map((i) => ({ ...i, path: ['form', ...i.path] })),
    },
  );
}
