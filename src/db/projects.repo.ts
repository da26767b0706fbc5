import { sql } from 'kysely';
import { z } from 'zod';
import { ProjectDetailsSchema } from '../contract/targets.ts';
import type { Project } from '../domain/targets.ts';
import {
  CHECKPOINT_COLUMNS,
  INDICATOR_COLUMNS,
  checkpointRows,
  columnList,
  deleteProjectDetails,
  indicatorRows,
  insertProjectDetails,
  loadIndicators,
  loadSpendingPlans,
} from './project-details.repo.ts';
import type { Executor } from './schema.ts';

export interface ProjectRef {
  id: number;
  code: string;
  version: number;
}

export interface VersionedProject {
  project: Project;
  version: number;
}

const GoalsSchema = z.array(z.string());

function projectColumns(project: Project) {
  return {
    code: project.code,
    name: project.name,
    budget_total: project.budget.total,
    budget_fiscal: project.budget.fiscal,
    budget_other: project.budget.other,
    purpose: project.purpose,
    goals: JSON.stringify(project.goals),
    derived_code: project.derivedCode === true,
    details: detailsText(project),
  };
}

/** ProjectDetails as json text, or NULL when the project has none (the seed layout states none). */
const detailsText = (project: Project): string | null =>
  project.details === undefined ? null : JSON.stringify(project.details);

/**
 * A stored project's optional fields (issue 15): `derivedCode` only when true and `details` only when
 * stored, so a project of the seed layout reads back exactly as it was written.
 */
export function projectLayoutFields(row: {
  derived_code: boolean;
  details: unknown;
}): Pick<Project, 'derivedCode' | 'details'> {
  const fields: Pick<Project, 'derivedCode' | 'details'> = {};
  if (row.derived_code) fields.derivedCode = true;
  // Parsing restores the exchange format's key order within the details.
  if (row.details !== null && row.details !== undefined) fields.details = ProjectDetailsSchema.parse(row.details);
  return fields;
}

/** Stores a project with its indicators and spending plan; returns its id. */
export async function insertProject(
  db: Executor,
  input: { documentId: number; position: number; version: number; project: Project },
): Promise<number> {
  const [id] = await insertProjects(db, input.documentId, [input]);
  return id!;
}

/**
 * Stores many projects of one document with their indicators and spending plans in ONE statement,
 * whatever their number: the projects come from `unnest(…)` (one array per column) and their details
 * are inserted by data-modifying CTEs that join on position to the ids just generated. Ids come back
 * in input order, matched by position (RETURNING promises no order). Amounts travel as decimal text
 * into numeric, never as floats.
 */
export async function insertProjects(
  db: Executor,
  documentId: number,
  entries: { position: number; version: number; project: Project }[],
): Promise<number[]> {
  if (entries.length === 0) return [];
  const column = <T>(pick: (entry: (typeof entries)[number]) => T): T[] => entries.map(pick);
  const details = entries.map(({ position, project }) => ({
    keys: [position],
    indicators: project.indicators,
    spendingPlan: project.spendingPlan,
  }));
  const indicators = indicatorRows(details);
  const checkpoints = checkpointRows(details);
  const result = await sql<{ id: number; position: number }>`
    with p as (
      insert into projects (document_id, position, version, code, name, budget_total, budget_fiscal, budget_other, purpose, goals,
                            derived_code, details)
      select ${documentId}::integer, n.position, n.version, n.code, n.name, n.total, n.fiscal, n.other, n.purpose, n.goals::jsonb,
             n.derived_code, n.details
        from unnest(${column((e) => e.position)}::integer[], ${column((e) => e.version)}::integer[],
                    ${column((e) => e.project.code)}::text[], ${column((e) => e.project.name)}::text[],
                    ${column((e) => e.project.budget.total)}::numeric[], ${column((e) => e.project.budget.fiscal)}::numeric[],
                    ${column((e) => e.project.budget.other)}::numeric[], ${column((e) => e.project.purpose)}::text[],
                    ${column((e) => JSON.stringify(e.project.goals))}::text[], ${column((e) => e.project.derivedCode === true)}::boolean[],
                    ${column((e) => detailsText(e.project))}::json[])
          as n(position, version, code, name, total, fiscal, other, purpose, goals, derived_code, details)
      returning id, position
    )${
      indicators
        ? sql`, i as (
      insert into indicators (project_id, ${columnList(INDICATOR_COLUMNS)})
      select p.id, ${columnList(INDICATOR_COLUMNS, 'x')} from ${indicators} join p on p.position = x.key
    )`
        : sql``
    }${
      checkpoints
        ? sql`, c as (
      insert into spending_checkpoints (project_id, ${columnList(CHECKPOINT_COLUMNS)})
      select p.id, ${columnList(CHECKPOINT_COLUMNS, 'x')} from ${checkpoints} join p on p.position = x.key
    )`
        : sql``
    }
    select id, position from p`.execute(db);
  const idByPosition = new Map(result.rows.map((row) => [row.position, row.id]));
  return entries.map((entry) => idByPosition.get(entry.position)!);
}

export async function findProjectRef(db: Executor, documentId: number, code: string): Promise<ProjectRef | undefined> {
  return db
    .selectFrom('projects')
    .select(['id', 'code', 'version'])
    .where('document_id', '=', documentId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The position after the last project: new projects are appended. */
export async function nextProjectPosition(db: Executor, documentId: number): Promise<number> {
  const row = await db
    .selectFrom('projects')
    .select(sql<number>`coalesce(max(position) + 1, 0)::integer`.as('next'))
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  return row.next;
}

/** Code → version of a document's projects, read before a re-import replaces them. */
export async function projectVersions(db: Executor, documentId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('projects')
    .select(['code', 'version'])
    .where('document_id', '=', documentId)
    .execute();
  return new Map(rows.map((row) => [row.code, row.version]));
}

export async function deleteProjectsOfDocument(db: Executor, documentId: number): Promise<void> {
  await db.deleteFrom('projects').where('document_id', '=', documentId).execute();
}

/**
 * Compare-and-set: replaces the project only if it is still at `expectedVersion`. Returns the new
 * version, or undefined when someone else changed it first (nothing is written then).
 */
export async function updateProjectIfVersion(
  db: Executor,
  input: { id: number; expectedVersion: number; project: Project },
): Promise<number | undefined> {
  const row = await db
    .updateTable('projects')
    .set({ ...projectColumns(input.project), version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!row) return undefined;
  await deleteProjectDetails(db, input.id);
  await insertProjectDetails(db, input.id, input.project);
  return row.version;
}

/** Deletes the project (its details cascade) only if it is still at `expectedVersion`. */
export async function deleteProjectIfVersion(
  db: Executor,
  input: { id: number; expectedVersion: number },
): Promise<boolean> {
  const result = await db
    .deleteFrom('projects')
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** A document's projects in stored order, or only the one with `code`. */
export async function loadProjects(db: Executor, documentId: number, code?: string): Promise<VersionedProject[]> {
  let query = db
    .selectFrom('projects')
    .select([
      'id',
      'code',
      'name',
      'purpose',
      'goals',
      'version',
      'derived_code',
      'details',
      // Amounts leave the database as text: "20000.00", never a float.
      sql<string | null>`budget_total::text`.as('budget_total'),
      sql<string | null>`budget_fiscal::text`.as('budget_fiscal'),
      sql<string | null>`budget_other::text`.as('budget_other'),
    ])
    .where('document_id', '=', documentId)
    .orderBy('position');
  if (code !== undefined) query = query.where('code', '=', code);
  const rows = await query.execute();
  const ids = rows.map((row) => row.id);
  const indicators = await loadIndicators(db, ids);
  const spendingPlans = await loadSpendingPlans(db, ids);
  return rows.map((row) => ({
    version: row.version,
    project: {
      code: row.code,
      name: row.name,
      budget: { total: row.budget_total, fiscal: row.budget_fiscal, other: row.budget_other },
      purpose: row.purpose,
      spendingPlan: spendingPlans.get(row.id) ?? [],
      goals: GoalsSchema.parse(row.goals),
      indicators: indicators.get(row.id) ?? [],
      ...projectLayoutFields(row),
    },
  }));
}

export interface ProjectCodeChange {
  unitId: number;
  fiscalYear: number;
  documentId: number;
  from: string;
  to: string;
}

/**
 * The tables that key a project's year by its CODE (monitoring and its actions, 自评, review comments) and still
 * hold rows under `to`: left by a deleted project of that code. A rename onto them would merge two projects' data,
 * so the caller refuses it.
 */
export async function dataUnderProjectCode(db: Executor, change: Omit<ProjectCodeChange, 'from'>): Promise<string[]> {
  const { unitId, fiscalYear, documentId, to } = change;
  const year = sql`unit_id = ${unitId} and fiscal_year = ${fiscalYear} and project_code = ${to}`;
  const result = await sql<{ name: string }>`
    select name from (values
      ('监控支出', exists (select 1 from monitoring_spending where ${year})),
      ('预算调整', exists (select 1 from monitoring_budget_adjustments where ${year})),
      ('指标监控', exists (select 1 from monitoring_indicator_progress where ${year})),
      ('预计执行', exists (select 1 from monitoring_project_entries where ${year})),
      ('监控措施', exists (select 1 from monitoring_actions where ${year})),
      ('自评', exists (select 1 from evaluation_projects where ${year})),
      ('证明材料', exists (select 1 from evaluation_attachments where ${year})),
      ('审核意见', exists (select 1 from review_comments where document_id = ${documentId} and project_code = ${to}))
    ) as t(name, found) where found`.execute(db);
  return result.rows.map((row) => row.name);
}

/**
 * Moves everything that keys a project's year by its code from `from` to `to`, in ONE statement
 * (data-modifying CTEs) inside the caller's transaction: monthly spending, budget adjustments,
 * indicator progress, the monitoring version, the 自评 (its indicators follow by ON UPDATE CASCADE; its
 * 复核 re-scores and 证明材料 move with it),
 * the unit's 全年预计执行数 entries, review comments and the monitoring actions (their project, and the warning they
 * name, whose id is rule:code[:indicator]:month). The audit log
 * is append-only and keeps the code an entry was written under (decision 023).
 */
export async function renameProjectCode(db: Executor, change: ProjectCodeChange): Promise<void> {
  const { unitId, fiscalYear, documentId, from, to } = change;
  const year = sql`unit_id = ${unitId} and fiscal_year = ${fiscalYear}`;
  const rule = sql`split_part(warning_id, ':', 1)`;
  await sql`
    with s as (update monitoring_spending set project_code = ${to} where ${year} and project_code = ${from}),
         b as (update monitoring_budget_adjustments set project_code = ${to} where ${year} and project_code = ${from}),
         p as (update monitoring_indicator_progress set project_code = ${to} where ${year} and project_code = ${from}),
         v as (update monitoring_projects set project_code = ${to} where ${year} and project_code = ${from}),
         e as (update evaluation_projects set project_code = ${to} where ${year} and project_code = ${from}),
         r as (update evaluation_rechecks set project_code = ${to} where ${year} and project_code = ${from}),
         a as (update evaluation_attachments set project_code = ${to} where ${year} and project_code = ${from}),
         c as (update review_comments set project_code = ${to} where document_id = ${documentId} and project_code = ${from}),
         n as (update monitoring_project_entries set project_code = ${to} where ${year} and project_code = ${from}),
         w as (update monitoring_actions
                  set project_code = case when project_code = ${from} then ${to} else project_code end,
                      warning_id = case
                        when substr(warning_id, length(${rule}) + 1, length(${from}::text) + 2) = ':' || ${from} || ':'
                        then ${rule} || ':' || ${to} || ':' || substr(warning_id, length(${rule}) + length(${from}::text) + 3)
                        else warning_id end
                where ${year} and (project_code = ${from}
                  or substr(warning_id, length(${rule}) + 1, length(${from}::text) + 2) = ':' || ${from} || ':'))
    select 1`.execute(db);
}
