import { SYSTEM_ACTOR } from '../domain/access.ts';
import { recordAudit } from '../db/audit.repo.ts';
import {
  clearGeneratedYear,
  hasTargetsForYear,
  insertEvaluations,
  insertIndicatorProgress,
  insertReviewOpinions,
  insertSpending,
  placeUnits,
  setWorkflowStates,
  unitIdsByCode,
  upsertOrganisationTree,
} from '../db/bulk-load.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { GenerateOptionsSchema, type GenerateOptions } from '../contract/generate-options.ts';
import { validateInput } from '../contract/validate-input.ts';
import { BUREAU, departmentsFor, generateUnits, type GeneratedUnit } from '../domain/generate/index.ts';
import { impliedOpinions } from '../domain/generate/opinions.ts';
import { type GenerateSummary, type ProgressCallback, countGenerated } from '../domain/generate/summary.ts';
import type { WorkflowState } from '../domain/workflow/states.ts';
import { importTargets } from './import-targets.ts';
import { refreshStaleSummaries } from './refresh-summaries.ts';

/** Units per set-based write: large enough to amortise round trips, small enough to keep memory flat. */
const BATCH_UNITS = 25;
const PARALLEL_BATCHES = 2;

/**
 * Workflow version = transitions taken + 1 (draft → submitted → reviewed → approved →
 * adjustment-requested → adjusting).
 */
const WORKFLOW_VERSION: Record<WorkflowState, number> = {
  draft: 1,
  submitted: 2,
  'department-reviewed': 3,
  returned: 3,
  approved: 4,
  'adjustment-requested': 5,
  adjusting: 6,
};

/**
 * `jixiao generate --into-db`: a deterministic city (decision 014) into the database — targets
 * through the real import path, the rest set-based (monitoring, 自评, workflow states and the
 * 审核意见表 those states imply) — generated and written one batch at a time,
 * so memory does not grow with N.
 */
export async function generateIntoDatabase(
  db: Db,
  options: GenerateOptions,
  onProgress?: ProgressCallback,
): Promise<GenerateSummary> {
  const parsed = validateInput(GenerateOptionsSchema, options, '生成参数');
  await upsertOrganisationTree(db.kysely, BUREAU, departmentsFor(parsed));
  // Into an empty year there is nothing to clear: skip four deletes per batch.
  const replacing = await hasTargetsForYear(db.kysely, parsed.fiscalYear);
  const summary: GenerateSummary = { units: 0, projects: 0, indicators: 0 };
  // Two batches in flight: while PostgreSQL stores one, Node generates and sends the next, so both
  // cores work. (PGlite serialises them; nothing is lost there.) Memory stays at two batches.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const store = async (batch: GeneratedUnit[]) => {
    const stored = storeBatch(db, batch, parsed.fiscalYear, replacing).then(() => {
      batch.forEach((u) => countGenerated(summary, u));
      onProgress?.(summary.units, parsed.units);
    });
    const tracked: Promise<void> = stored
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= PARALLEL_BATCHES) await Promise.race(inFlight);
    if (failure) throw failure.error;
  };
  let batch: GeneratedUnit[] = [];
  try {
    for (const unit of generateUnits(parsed)) {
      batch.push(unit);
      if (batch.length < BATCH_UNITS) continue;
      await store(batch);
      batch = [];
    }
    if (batch.length > 0) await store(batch);
  } finally {
    await Promise.allSettled(inFlight);
  }
  if (failure) throw (failure as { error: unknown }).error;
  // The bureau's read model (decision 013) learns of the new unit-years in one pass at the end.
  await refreshStaleSummaries(db, { concurrency: 2 });
  return summary;
}

async function storeBatch(db: Db, units: GeneratedUnit[], fiscalYear: number, replacing: boolean): Promise<void> {
  const codes = units.map((u) => u.unit.code);
  if (replacing) await clearGeneratedYear(db.kysely, codes, fiscalYear);
  for (const unit of units) await importTargets(db, SYSTEM_ACTOR, { document: unit.document, fiscalYear });
  await inTransaction(db, async (trx) => {
    const ids = await unitIdsByCode(trx, codes);
    const idOf = (unit: GeneratedUnit) => ids.get(unit.unit.code)!;
    await placeUnits(
      trx,
      units.map((u) => ({ unitCode: u.unit.code, parentCode: u.departmentCode })),
    );
    await insertSpending(
      trx,
      units.flatMap((u) =>
        u.monitoring.spending.map((s) => ({
          unit_id: idOf(u),
          fiscal_year: fiscalYear,
          project_code: s.projectCode,
          month: s.month,
          source: s.source,
          amount: s.amount,
        })),
      ),
    );
    await insertIndicatorProgress(
      trx,
      units.flatMap((u) =>
        u.monitoring.progress.map((p) => ({
          unit_id: idOf(u),
          fiscal_year: fiscalYear,
          project_code: p.projectCode,
          indicator_name: p.indicatorName,
          month: p.month,
          value_to_date: p.valueToDate,
          forecast: p.forecast,
          likelihood: p.likelihood,
          deviation_category: p.deviationCategory,
          reason: p.reason,
          measures: p.measures,
          updated_by: SYSTEM_ACTOR.username,
        })),
      ),
    );
    const evaluated = units.filter((u) => u.evaluationStatus !== null);
    await insertEvaluations(trx, {
      years: evaluated.map((u) => ({
        unit_id: idOf(u),
        fiscal_year: fiscalYear,
        status: u.evaluationStatus!,
        updated_by: SYSTEM_ACTOR.username,
      })),
      projects: evaluated.flatMap((u) =>
        u.actuals.projects.map((p) => ({
          unit_id: idOf(u),
          fiscal_year: fiscalYear,
          project_code: p.code,
          execution_reason: p.executionReason ?? '',
        })),
      ),
      indicators: evaluated.flatMap((u) =>
        u.actuals.projects.flatMap((p) =>
          p.indicators.map((i) => ({
            unit_id: idOf(u),
            fiscal_year: fiscalYear,
            project_code: p.code,
            indicator_name: i.name,
            actual: i.actual,
            not_applicable: false,
            band: i.band ?? null,
            deviation_reason: i.deviationReason ?? '',
            improvement_measures: i.improvementMeasures ?? '',
            weight: null,
          })),
        ),
      ),
    });
    await setWorkflowStates(
      trx,
      fiscalYear,
      units.map((u) => ({ unitId: idOf(u), state: u.workflowState, version: WORKFLOW_VERSION[u.workflowState] })),
    );
    // The reviewers' forms the states imply (decision 033), so that generated data passes as the rules say.
    const opinions = units.flatMap((u) =>
      impliedOpinions(u).map((o) => ({
        unit_id: idOf(u),
        level: o.level,
        project_code: o.projectCode,
        ...o.grades,
        opinion: o.opinion,
        consultation_note: o.consultationNote,
        reviewer_name: SYSTEM_ACTOR.displayName,
      })),
    );
    await insertReviewOpinions(trx, fiscalYear, opinions);
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'generate-data',
      fiscalYear,
      entity: 'generated-units',
      entityKey: `${codes[0]}…${codes.at(-1)}`,
      after: { units: codes.length, codes, reviewOpinions: opinions.length },
    });
  });
}
