import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * The tables as Kysely sees them. Amounts are numeric(18,2) in the database and strings here:
 * they are written as canonical strings and read back through `::text`, never as numbers.
 * JSON columns are written as JSON text (pg would turn a JS array into a PostgreSQL array).
 */
type Json<T> = ColumnType<T, string, string>;
type NullableNumeric = ColumnType<string | null, string | null, string | null>;
type Timestamp = ColumnType<Date, never, Date | string>;

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export interface TargetDocumentsTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  /** The narrative (总体/分项目标, 保障措施): read and written whole, never queried inside. */
  overall: Json<unknown>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface ProjectsTable {
  id: Generated<number>;
  document_id: number;
  position: number;
  code: string;
  name: string;
  budget_total: NullableNumeric;
  budget_fiscal: NullableNumeric;
  budget_other: NullableNumeric;
  purpose: string;
  goals: Json<unknown>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface SpendingCheckpointsTable {
  project_id: number;
  position: number;
  month: number;
  cumulative_percent: NullableNumeric;
}

export interface IndicatorsTable {
  project_id: number;
  position: number;
  level1: string;
  level2: string;
  name: string;
  description: string;
  target_raw: string;
  target_op: string | null;
  target_value: number | null;
  target_unit: string | null;
  target_min: number | null;
  target_max: number | null;
  basis: string;
  category: string | null;
}

export interface Schema {
  units: UnitsTable;
  target_documents: TargetDocumentsTable;
  projects: ProjectsTable;
  spending_checkpoints: SpendingCheckpointsTable;
  indicators: IndicatorsTable;
}

/** What repositories take: the database, or a transaction on it (a Transaction is a Kysely). */
export type Executor = Kysely<Schema>;
