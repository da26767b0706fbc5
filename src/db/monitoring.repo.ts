import { sql } from 'kysely';
import {
  type DeviationCategory,
  type IndicatorProgress,
  type Likelihood,
  categoriesOf,
} from '../domain/monitoring/progress.ts';
import type { Executor } from './schema.ts';

/** All SQL of 绩效运行监控. Amounts go in as canonical strings and come out through ::text. */

export type FundingSource = 'fiscal' | 'other';

export interface UnitYearRef {
  unitId: number;
  fiscalYear: number;
}

export async function findUnitId(db: Executor, unitCode: string): Promise<number | undefined> {
  const row = await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirst();
  return row?.id;
}

export interface MonthlySpending {
  projectCode: string;
  month: number;
  source: FundingSource;
  /** Spent in that month, 元 ("1234.50"). */
  amount: string;
}

/** Sets (replaces) one month's spending of one source; returns the amount it replaced, if any. */
export async function setMonthlySpending(
  db: Executor,
  ref: UnitYearRef,
  entry: MonthlySpending,
): Promise<string | null> {
  const before = await db
    .selectFrom('monitoring_spending')
    .select(sql<string>`amount::text`.as('amount'))
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('project_code', '=', entry.projectCode)
    .where('month', '=', entry.month)
    .where('source', '=', entry.source)
    .executeTakeFirst();
  await db
    .insertInto('monitoring_spending')
    .values({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      project_code: entry.projectCode,
      month: entry.month,
      source: entry.source,
      amount: entry.amount,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'fiscal_year', 'project_code', 'month', 'source'])
        .doUpdateSet({ amount: entry.amount, updated_at: sql<string>`now()` }),
    )
    .execute();
  return before?.amount ?? null;
}

export async function loadMonthlySpending(db: Executor, ref: UnitYearRef): Promise<MonthlySpending[]> {
  return db
    .selectFrom('monitoring_spending')
    .select(['project_code as projectCode', 'month', 'source', sql<string>`amount::text`.as('amount')])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('month')
    .orderBy('source')
    .execute();
}

export interface BudgetAdjustment {
  id: number;
  projectCode: string;
  adjustedBudget: string;
  reason: string;
  /** 'YYYY-MM-DD'. */
  effectiveDate: string;
  recordedBy: string;
}

export async function insertBudgetAdjustment(
  db: Executor,
  ref: UnitYearRef,
  adjustment: Omit<BudgetAdjustment, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('monitoring_budget_adjustments')
    .values({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      project_code: adjustment.projectCode,
      adjusted_budget: adjustment.adjustedBudget,
      reason: adjustment.reason,
      effective_date: adjustment.effectiveDate,
      recorded_by: adjustment.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A unit-year's adjustments in effect order: the last one per project is its 调整后预算数. */
export async function loadBudgetAdjustments(db: Executor, ref: UnitYearRef): Promise<BudgetAdjustment[]> {
  return db
    .selectFrom('monitoring_budget_adjustments')
    .select([
      'id',
      'project_code as projectCode',
      sql<string>`adjusted_budget::text`.as('adjustedBudget'),
      'reason',
      sql<string>`to_char(effective_date, 'YYYY-MM-DD')`.as('effectiveDate'),
      'recorded_by as recordedBy',
    ])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('effective_date')
    .orderBy('id')
    .execute();
}

export async function upsertIndicatorProgress(
  db: Executor,
  ref: UnitYearRef,
  progress: IndicatorProgress,
  by: string,
): Promise<void> {
  const values = {
    value_to_date: progress.valueToDate,
    forecast: progress.forecast,
    likelihood: progress.likelihood,
    deviation_category: categoriesOf(progress)[0] ?? null,
    deviation_categories: categoriesOf(progress),
    reason: progress.reason,
    measures: progress.measures,
    updated_by: by,
  };
  await db
    .insertInto('monitoring_indicator_progress')
    .values({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      project_code: progress.projectCode,
      indicator_name: progress.indicatorName,
      month: progress.month,
      ...values,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'fiscal_year', 'project_code', 'indicator_name', 'month'])
        .doUpdateSet({ ...values, updated_at: sql<string>`now()` }),
    )
    .execute();
}

export async function loadIndicatorProgress(db: Executor, ref: UnitYearRef): Promise<IndicatorProgress[]> {
  const rows = await db
    .selectFrom('monitoring_indicator_progress')
    .selectAll()
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('month')
    .orderBy('indicator_name')
    .execute();
  return rows.map((row) => ({
    projectCode: row.project_code,
    indicatorName: row.indicator_name,
    month: row.month,
    valueToDate: row.value_to_date,
    forecast: row.forecast,
    // The table's CHECK constraints keep these within their lists.
    likelihood: row.likelihood as Likelihood,
    deviationCategory: row.deviation_category as DeviationCategory | null,
    deviationCategories: (row.deviation_categories.length > 0
      ? row.deviation_categories
      : row.deviation_category === null
        ? []
        : [row.deviation_category]) as DeviationCategory[],
    reason: row.reason,
    measures: row.measures,
  }));
}

/** A monitored project's version and last writer (decision 023); version 0 = nothing entered yet. */
export interface MonitoringVersion {
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export async function loadMonitoringVersions(db: Executor, ref: UnitYearRef): Promise<Map<string, MonitoringVersion>> {
  const rows = await db
    .selectFrom('monitoring_projects')
    .select(['project_code', 'version', 'updated_by', 'updated_at'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .execute();
  return new Map(
    rows.map((row) => [
      row.project_code,
      { version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at },
    ]),
  );
}

/**
 * Compare-and-set of a project's monitoring version, the first statement of every monitoring write
 * of that project: one INSERT … ON CONFLICT DO NOTHING when the caller saw none (0), one UPDATE …
 * WHERE version = expected otherwise; undefined `expected` (the demo loader) bumps whatever is
 * stored. Returns the new version, or undefined when someone else wrote first.
 */
export async function bumpMonitoringVersion(
  db: Executor,
  ref: UnitYearRef,
  input: { projectCode: string; expectedVersion: number | undefined; by: string },
): Promise<number | undefined> {
  const key = { unit_id: ref.unitId, fiscal_year: ref.fiscalYear, project_code: input.projectCode };
  const next = {
    version: sql<number>`monitoring_projects.version + 1`,
    updated_by: input.by,
    updated_at: sql<string>`now()`,
  };
  const insert = db.insertInto('monitoring_projects').values({ ...key, updated_by: input.by });
  const row =
    input.expectedVersion === undefined
      ? await insert
          .onConflict((oc) => oc.columns(['unit_id', 'fiscal_year', 'project_code']).doUpdateSet(next))
          .returning('version')
          .executeTakeFirst()
      : input.expectedVersion === 0
        ? await insert
            .onConflict((oc) => oc.columns(['unit_id', 'fiscal_year', 'project_code']).doNothing())
            .returning('version')
            .executeTakeFirst()
        : await db
            .updateTable('monitoring_projects')
            .set(next)
            .where('unit_id', '=', ref.unitId)
            .where('fiscal_year', '=', ref.fiscalYear)
            .where('project_code', '=', input.projectCode)
            .where('version', '=', input.expectedVersion)
            .returning('version')
            .executeTakeFirst();
  return row?.version;
}

/** Bumps the versions of many projects at once (a payments file), in one statement: open editors of them go stale. */
export async function bumpMonitoringVersions(
  db: Executor,
  ref: UnitYearRef,
  projectCodes: readonly string[],
  by: string,
): Promise<void> {
  if (projectCodes.length === 0) return;
  await sql`
    insert into monitoring_projects (unit_id, fiscal_year, project_code, updated_by)
    select ${ref.unitId}::integer, ${ref.fiscalYear}::integer, code, ${by}::text from unnest(${[...new Set(projectCodes)]}::text[]) as c(code)
    on conflict (unit_id, fiscal_year, project_code)
    do update set version = monitoring_projects.version + 1, updated_by = excluded.updated_by, updated_at = now()`.execute(
    db,
  );
}
