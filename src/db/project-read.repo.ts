import { CompiledQuery } from 'kysely';
import { z } from 'zod';
import type {
  Indicator,
  IndicatorCategory,
  SpendingCheckpoint,
  TargetOperator,
  TargetValue,
} from '../domain/targets.ts';
import { indicatorLayoutFields } from './project-details.repo.ts';
import { type VersionedProject, projectLayoutFields } from './projects.repo.ts';
import type { Executor } from './schema.ts';

/**
 * The read path of GET one project (the busiest API route): the unit-year's document, the project,
 * its indicators and its spending plan in ONE statement, so one round trip and no explicit
 * transaction (a single statement already reads one consistent snapshot). The statement is the
 * function project_with_details (migration 2026_12_02_0011, replaced by 2026_12_07_0016), whose plan PostgreSQL keeps per
 * connection: planning the query afresh cost several times its execution. It is sent precompiled,
 * since building it through Kysely on every request showed in the profile (bench api).
 * The details come as json_agg arrays in stored order. Amounts leave the database as text
 * ("20000.00"), never floats; doubles (indicator targets) go through float8's shortest exact
 * text, as in the row-wise reader.
 */
const READ = 'select * from project_with_details($1, $2, $3)';

const GoalsSchema = z.array(z.string());

/**
 * One indicator as the statement builds it: [level1, level2, name, description, raw, op, value, unit,
 * min, max, basis, category, nature, weight, direction, extras].
 */
type IndicatorTuple = [
  string,
  string,
  string,
  string,
  string,
  string | null,
  number | null,
  string | null,
  number | null,
  number | null,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  unknown,
];
/** One checkpoint: [month, cumulative percent as text]. */
type CheckpointTuple = [number, string | null];

interface Row {
  document_id: number;
  version: number | null;
  code: string | null;
  name: string;
  purpose: string;
  goals: unknown;
  budget_total: string | null;
  budget_fiscal: string | null;
  budget_other: string | null;
  derived_code: boolean;
  details: unknown;
  indicators: IndicatorTuple[] | null;
  spending_plan: CheckpointTuple[] | null;
}

/** `document`: whether the unit has that year at all; `project`: the project, or null when the document has no such code. */
export interface ProjectRead {
  document: boolean;
  project: VersionedProject | null;
}

export async function readProjectWithDetails(
  db: Executor,
  key: { unitCode: string; fiscalYear: number; projectCode: string },
): Promise<ProjectRead> {
  const result = await db.executeQuery<Row>(CompiledQuery.raw(READ, [key.unitCode, key.fiscalYear, key.projectCode]));
  const row = result.rows[0];
  if (!row) return { document: false, project: null };
  if (row.code === null || row.version === null) return { document: true, project: null };
  return {
    document: true,
    project: {
      version: row.version,
      project: {
        code: row.code,
        name: row.name,
        budget: { total: row.budget_total, fiscal: row.budget_fiscal, other: row.budget_other },
        purpose: row.purpose,
        spendingPlan: (row.spending_plan ?? []).map(toCheckpoint),
        goals: GoalsSchema.parse(row.goals),
        indicators: (row.indicators ?? []).map(toIndicator),
        ...projectLayoutFields(row),
      },
    },
  };
}

function toIndicator([
  level1,
  level2,
  name,
  description,
  raw,
  op,
  value,
  unit,
  min,
  max,
  basis,
  category,
  nature,
  weight,
  direction,
  extras,
]: IndicatorTuple): Indicator {
  const target: TargetValue = { raw, op: op as TargetOperator | null, value, unit };
  // The exchange format has no min/max keys at all unless the target is a range.
  if (min !== null) target.min = min;
  if (max !== null) target.max = max;
  return {
    level1,
    level2,
    name,
    description,
    target,
    basis,
    category: category as IndicatorCategory | null,
    ...indicatorLayoutFields({ nature, weight, direction, extras }),
  };
}

function toCheckpoint([month, percent]: CheckpointTuple): SpendingCheckpoint {
  return { month, cumulativePercent: percent === null ? null : Number(percent) };
}
