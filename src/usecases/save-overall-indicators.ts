import type { z } from 'zod';
import { OverallIndicatorsBodySchema } from '../contract/department-evaluation.ts';
import { ExpectedVersionInputSchema, UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { storeOverallTargets } from '../db/department-evaluation.repo.ts';
import { lockDocumentForWrite } from '../db/document-access.repo.ts';
import { findDocument } from '../db/documents.repo.ts';
import { lastAuditChange, versionConflict } from '../db/last-change.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { addAmounts } from '../domain/money.ts';
import { normaliseIndicator } from '../domain/normalise.ts';
import type { Budget, Indicator, OverallTargets } from '../domain/targets.ts';

const InputSchema = UnitYearInputSchema.extend(ExpectedVersionInputSchema.shape).extend(
  OverallIndicatorsBodySchema.shape,
);

/**
 * Replaces the department-level indicators (部门整体支出绩效目标表) and the overall 年度预算 of a unit-year's
 * targets (decision 045). A write to the targets document like a project's: refused while the targets are under
 * review or approved (LOCKED), stale against the document's version (CONFLICT naming who), audited. The targets
 * derived fields (operator, value, category) are recomputed from what was written; 资金总额 left empty is the sum.
 */
export async function saveOverallIndicators(
  db: Db,
  actor: Actor,
  input: z.input<typeof InputSchema>,
): Promise<{ indicators: Indicator[]; budget: Budget | null; version: number }> {
  const parsed = validateInput(InputSchema, input, '部门整体绩效指标');
  const key = { unitCode: parsed.unitCode, fiscalYear: parsed.fiscalYear };
  const indicators = parsed.indicators.map((i) =>
    normaliseIndicator({ ...i, target: { raw: i.target.raw, op: null, value: null, unit: null }, category: null }),
  );
  refuseDuplicateNames(indicators);
  const budget = parsed.budget && completeBudget(parsed.budget);
  return inTransaction(db, async (trx) => {
    const document = await lockDocumentForWrite(trx, key);
    const current = document.version - 1;
    if (current !== parsed.expectedVersion) {
      const change = await lastAuditChange(trx, key, [{ entity: 'target-document' }, { entity: 'project' }]);
      throw await versionConflict(trx, `${key.unitCode} ${key.fiscalYear} 年度的绩效目标`, {
        ...change,
        currentVersion: current,
        expectedVersion: parsed.expectedVersion,
      });
    }
    const before = (await findDocument(trx, key.unitCode, key.fiscalYear))!.overall;
    const { indicators: _i, budget: _b, ...narrative } = before;
    const after: OverallTargets = {
      ...narrative,
      ...(indicators.length > 0 ? { indicators } : {}),
      ...(budget ? { budget } : {}),
    };
    await storeOverallTargets(trx, document.id, after);
    await recordAudit(trx, actor, {
      action: 'update-overall-indicators',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'target-document',
      entityKey: `${key.unitCode}/${key.fiscalYear}`,
      before: { indicators: before.indicators ?? [], budget: before.budget ?? null },
      after: { indicators, budget },
    });
    return { indicators, budget, version: document.version };
  });
}

/** Two indicators of one name would share one actual in the 整体自评表: refused at the second. */
function refuseDuplicateNames(indicators: readonly Indicator[]): void {
  const seen = new Set<string>();
  indicators.forEach((indicator, i) => {
    if (indicator.name === '') {
      throw new AppError('VALIDATION', `第 ${i + 1} 个指标缺少三级指标名称`, {
        location: { path: ['indicators', i, 'name'] },
      });
    }
    if (seen.has(indicator.name)) {
      throw new AppError('VALIDATION', `三级指标“${indicator.name}”重复，每个整体指标的名称应唯一`, {
        location: { path: ['indicators', i, 'name'] },
      });
    }
    seen.add(indicator.name);
  });
}

function completeBudget(budget: Budget): Budget {
  if (budget.total !== null || (budget.fiscal === null && budget.other === null)) return budget;
  return { ...budget, total: addAmounts(budget.fiscal, budget.other) };
}
