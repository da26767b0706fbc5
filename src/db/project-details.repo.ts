import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import type {
  Indicator,
  IndicatorCategory,
  IndicatorDirection,
  IndicatorNature,
  SpendingCheckpoint,
  TargetOperator,
  TargetValue,
} from '../domain/targets.ts';
import type { Executor } from './schema.ts';

/**
 * A project's rows that are replaced whole whenever the project is: indicators and the spending plan.
 * They are written set-based: every indicator of every given project in one `INSERT … SELECT FROM
 * unnest(…)` (one array parameter per column), so the statement count of an import does not grow
 * with its size, and no statement comes near PostgreSQL's 65,535-parameter limit. Percentages travel
 * as decimal text (numeric keeps exactly the digits it is given); double precision values as JS
 * numbers, whose shortest text form reads back as the same double.
 */

export interface ProjectDetails {
  /**
   * What ties the rows to their project, one value per key column (see indicatorRows): the project's
   * id, or, inside a statement that inserts the projects too, its position (and its document).
   */
  keys: readonly number[];
  indicators: Indicator[];
  spendingPlan: SpendingCheckpoint[];
}

/** The one key column of most callers: x.key. */
const KEY: readonly string[] = ['key'];

export const INDICATOR_COLUMNS = [
  'position',
  'level1',
  'level2',
  'name',
  'description',
  'target_raw',
  'target_op',
  'target_value',
  'target_unit',
  'target_min',
  'target_max',
  'basis',
  'category',
  'nature',
  'weight',
  'direction',
  'extras',
] as const;
export const CHECKPOINT_COLUMNS = ['position', 'month', 'cumulative_percent'] as const;

/** "a, b", or with an alias "x.a, x.b": column names are constants here, never input. */
export function columnList(names: readonly string[], alias?: string): RawBuilder<unknown> {
  return sql.raw(names.map((name) => (alias ? `${alias}.${name}` : name)).join(', '));
}

export async function insertProjectDetails(
  db: Executor,
  projectId: number,
  details: { indicators: Indicator[]; spendingPlan: SpendingCheckpoint[] },
): Promise<void> {
  const projects = [{ keys: [projectId], ...details }];
  const indicators = indicatorRows(projects);
  if (indicators)
    await sql`insert into indicators (project_id, ${columnList(INDICATOR_COLUMNS)}) select * from ${indicators}`.execute(
      db,
    );
  const checkpoints = checkpointRows(projects);
  if (checkpoints)
    await sql`insert into spending_checkpoints (project_id, ${columnList(CHECKPOINT_COLUMNS)}) select * from ${checkpoints}`.execute(
      db,
    );
}

/**
 * `unnest(…) as x(<keyNames>, <INDICATOR_COLUMNS>)`: every indicator of the projects, each row with
 * its project's keys (integer columns named keyNames); null when there is none.
 */
export function indicatorRows(
  projects: readonly ProjectDetails[],
  keyNames: readonly string[] = KEY,
): RawBuilder<unknown> | null {
  const keys: number[][] = keyNames.map(() => []);
  const c = {
    position: [] as number[],
    level1: [] as string[],
    level2: [] as string[],
    name: [] as string[],
    description: [] as string[],
    raw: [] as string[],
    op: [] as (string | null)[],
    value: [] as (number | null)[],
    unit: [] as (string | null)[],
    min: [] as (number | null)[],
    max: [] as (number | null)[],
    basis: [] as string[],
    category: [] as (string | null)[],
    nature: [] as (string | null)[],
    weight: [] as (string | null)[],
    direction: [] as (string | null)[],
    extras: [] as (string | null)[],
  };
  for (const project of projects) {
    project.indicators.forEach((indicator, position) => {
      const { target } = indicator;
      keys.forEach((column, k) => column.push(project.keys[k]!));
      c.position.push(position);
      c.level1.push(indicator.level1);
      c.level2.push(indicator.level2);
      c.name.push(indicator.name);
      c.description.push(indicator.description);
      c.raw.push(target.raw);
      c.op.push(target.op);
      c.value.push(target.value);
      c.unit.push(target.unit);
      c.min.push(target.min ?? null);
      c.max.push(target.max ?? null);
      c.basis.push(indicator.basis);
      c.category.push(indicator.category);
      // What a provincial layout states beyond the seed's; absent is NULL (decision 030).
      c.nature.push(indicator.nature ?? null);
      c.weight.push(indicator.weight ?? null);
      c.direction.push(indicator.direction ?? null);
      c.extras.push(indicator.extras === undefined ? null : JSON.stringify(indicator.extras));
    });
  }
  if (c.position.length === 0) return null;
  return sql`unnest(${keyArrays(keys)}, ${c.position}::integer[], ${c.level1}::text[], ${c.level2}::text[],
                    ${c.name}::text[], ${c.description}::text[], ${c.raw}::text[], ${c.op}::text[],
                    ${c.value}::double precision[], ${c.unit}::text[], ${c.min}::double precision[],
                    ${c.max}::double precision[], ${c.basis}::text[], ${c.category}::text[],
                    ${c.nature}::text[], ${c.weight}::text[], ${c.direction}::text[], ${c.extras}::json[])
             as x(${columnList(keyNames)}, ${columnList(INDICATOR_COLUMNS)})`;
}

/** `unnest(…) as x(<keyNames>, <CHECKPOINT_COLUMNS>)`: every spending checkpoint of the projects; null when there is none. */
export function checkpointRows(
  projects: readonly ProjectDetails[],
  keyNames: readonly string[] = KEY,
): RawBuilder<unknown> | null {
  const keys: number[][] = keyNames.map(() => []);
  const positions: number[] = [];
  const months: number[] = [];
  const percents: (string | null)[] = [];
  for (const project of projects) {
    project.spendingPlan.forEach((checkpoint, position) => {
      keys.forEach((column, k) => column.push(project.keys[k]!));
      positions.push(position);
      months.push(checkpoint.month);
      // String(number) is exact, and numeric keeps exactly the digits it is given.
      percents.push(checkpoint.cumulativePercent === null ? null : String(checkpoint.cumulativePercent));
    });
  }
  if (positions.length === 0) return null;
  return sql`unnest(${keyArrays(keys)}, ${positions}::integer[], ${months}::integer[], ${percents}::numeric[])
             as x(${columnList(keyNames)}, ${columnList(CHECKPOINT_COLUMNS)})`;
}

function keyArrays(keys: number[][]): RawBuilder<unknown> {
  return sql.join(keys.map((column) => sql`${column}::integer[]`));
}

export async function deleteProjectDetails(db: Executor, projectId: number): Promise<void> {
  await db.deleteFrom('indicators').where('project_id', '=', projectId).execute();
  await db.deleteFrom('spending_checkpoints').where('project_id', '=', projectId).execute();
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
      ...indicatorLayoutFields(row),
    });
  }
  return byProject;
}

const ExtrasSchema = z.record(z.string(), z.string());

/**
 * The optional fields of a stored indicator (指标性质, 权重, 方向, extras): a NULL column is an absent
 * key, so an indicator of the seed layout reads back exactly as it was written.
 */
export function indicatorLayoutFields(row: {
  nature: string | null;
  weight: string | null;
  direction: string | null;
  extras: unknown;
}): Pick<Indicator, 'nature' | 'weight' | 'direction' | 'extras'> {
  const fields: Pick<Indicator, 'nature' | 'weight' | 'direction' | 'extras'> = {};
  if (row.nature !== null) fields.nature = row.nature as IndicatorNature;
  if (row.weight !== null) fields.weight = row.weight;
  if (row.direction !== null) fields.direction = row.direction as IndicatorDirection;
  if (row.extras !== null && row.extras !== undefined) fields.extras = ExtrasSchema.parse(row.extras);
  return fields;
}

/** Spending plans of the given projects, each in stored order. */
export async function loadSpendingPlans(
  db: Executor,
  projectIds: number[],
): Promise<Map<number, SpendingCheckpoint[]>> {
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
