import type { ColumnType, Generated, Kysely } from 'kysely';
import type { OrgType } from '../domain/workflow/chain.ts';
import type { AccountTables } from './accounts.schema.ts';
import type { AuditTables } from './audit.schema.ts';
import type { DepartmentEvaluationTables } from './department-evaluation.schema.ts';
import type { DisclosureTables } from './disclosure.schema.ts';
import type { EvaluationTables } from './evaluation.schema.ts';
import type { FiscalYearTables } from './fiscal-years.schema.ts';
import type { InstanceTables } from './instance.schema.ts';
import type { JobTables } from './jobs.schema.ts';
import type { MonitoringTables } from './monitoring.schema.ts';
import type { NotificationTables } from './notifications.schema.ts';
import type { ResultsTables } from './results.schema.ts';
import type { ReviewOpinionTables } from './review-opinions.schema.ts';
import type { SelfReportTables } from './self-report.schema.ts';
import type { SummaryTables } from './summaries.schema.ts';
import type { WorkflowTables } from './workflow.schema.ts';

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
  /** The supervising department or, for a first-level unit, the bureau (organisations.id). */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** False once deactivated (decision 020): kept with its history, hidden from pickers. */
  active: Generated<boolean>;
  /** Bumped by every change through the organisation tree (If-Match). */
  version: Generated<number>;
  /** 部门本级: the department's own unit, reviewed by the department as itself (decision 049). */
  department_own: Generated<boolean>;
}

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'bureau' | 'department';
  parent_id: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  /** 行政事业单位 or 工会 …: decides whose decision ends the chain of the units below (decision 049). */
  org_type: ColumnType<OrgType, OrgType | undefined, OrgType>;
}

export interface PoliciesTable {
  organisation_id: number;
  kind: string;
  body: Json<unknown>;
  updated_at: Timestamp;
}

export interface TargetDocumentsTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  /**
   * The narrative (总体/分项目标, 保障措施) and, from provincial layouts, the department-level indicators
   * and budget: read and written whole, never queried inside. json, not jsonb, so that labelled extras
   * keep the source's order (migration 0016).
   */
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
  /** The code was derived from the name: the document stated no 项目编码 (issue 15). */
  derived_code: ColumnType<boolean, boolean | undefined, boolean>;
  /** ProjectDetails (主管部门, 实施期限, …) as json; NULL when the layout states none. */
  details: ColumnType<unknown, string | null | undefined, string | null>;
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
  /** 指标性质, 权重 (as written), 指标方向性 and other columns of a provincial layout; NULL when absent. */
  nature: string | null;
  weight: string | null;
  direction: string | null;
  extras: ColumnType<unknown, string | null | undefined, string | null>;
}

/**
 * All tables. Feature tables are declared in their own `<feature>.schema.ts` beside their
 * repositories and joined in here by `extends`, one name per feature.
 */
export type Schema = TargetTables &
  AuditTables &
  AccountTables &
  WorkflowTables &
  ReviewOpinionTables &
  SelfReportTables &
  MonitoringTables &
  EvaluationTables &
  SummaryTables &
  JobTables &
  InstanceTables &
  FiscalYearTables &
  NotificationTables &
  ResultsTables &
  DepartmentEvaluationTables &
  DisclosureTables;

interface TargetTables {
  organisations: OrganisationsTable;
  policies: PoliciesTable;
  units: UnitsTable;
  target_documents: TargetDocumentsTable;
  projects: ProjectsTable;
  spending_checkpoints: SpendingCheckpointsTable;
  indicators: IndicatorsTable;
}

/** What repositories take: the database, or a transaction on it (a Transaction is a Kysely). */
export type Executor = Kysely<Schema>;
