import { sql } from 'kysely';
import type { Indicator, IndicatorCategory, SpendingCheckpoint, TargetOperator, TargetValue } from '../domain/targets.ts';
import type { Executor } from './schema.ts';

/** A project's rows that are replaced whole whenever the project is: indicators and the spending plan. */

export async function insertProjectDetails(
  db: Executor,
  projectId: number,
  details: { indicators: Indicator[]; spendingPlan: SpendingCheckpoint[] },
): Promise<void> {
  if (details.indicators.length > 0) {
    await db
      .insertInto('indicators')
      .values(details.indicators.map((indicator, position) => ({ project_id: projectId, position, ...indicatorColumns(indicator) })))
      .execute();
  }
  if (details.spendingPlan.length > 0) {
    await db
      .insertInto('spending_checkpoints')
      .values(
        details.spendingPlan.map((checkpoint, position) => ({
          project_id: projectId,
          position,
          month: checkpoint.month,
          // String(number) is exact, and numeric keeps exactly the digits it is given.
          cumulative_percent: checkpoint.cumulativePercent === null ? null : String(checkpoint.cumulativePercent),
        })),
      )
      .execute();
  }
}

export async function deleteProjectDetails(db: Executor, projectId: number): Promise<void> {
  await db.deleteFrom('indicators').where('project_id', '=', projectId).execute();
  await db.deleteFrom('spending_checkpoints').where('project_id', '=', projectId).execute();
}

function indicatorColumns(indicator: Indicator) {
  const { target } = indicator;
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    description: indicator.description,
    target_raw: target.raw,
    target_op: target.op,
    target_value: target.value,
    target_unit: target.unit,
    target_min: target.min ?? null,
    target_max: target.max ?? null,
    basis: indicator.basis,
    category: indicator.category,
  };
}

/** Indicators of the given projects, each list in stored order. */
export async function loadIndicators(db: Executor, projectIds: number[]): Promise<Map<number, Indicator[]>> {
  const byProject = new Map<number, Indicator[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .selectFrom('indicators')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const target: TargetValue = {
      raw: row.target_raw,
      op: row.target_op as TargetOperator | null,
      value: row.target_value,
      unit: row.target_unit,
    };
    // The exchange format has no min/max keys at all unless the target is a range.
    if (row.target_min !== null) target.min = row.target_min;
    if (row.target_max !== null) target.max = row.target_max;
    byProject.get(row.project_id)?.push({
      level1: row.level1,
      level2: row.level2,
      name: row.name,
      description: row.description,
      target,
      basis: row.basis,
      category: row.category as IndicatorCategory | null,
    });
  }
  return byProject;
}

/** Spending plans of the given projects, each in stored order. */
export async function loadSpendingPlans(db: Executor, projectIds: number[]): Promise<Map<number, SpendingCheckpoint[]>> {
  const byProject = new Map<number, SpendingCheckpoint[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return byProject;
  const rows = await db
    .selectFrom('spending_checkpoints')
    .select(['project_id', 'month', sql<string | null>`cumulative_percent::text`.as('cumulative_percent')])
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const cumulativePercent = row.cumulative_percent === null ? null : Number(row.cumulative_percent);
    byProject.get(row.project_id)?.push({ month: row.month, cumulativePercent });
  }
  return byProject;
}
