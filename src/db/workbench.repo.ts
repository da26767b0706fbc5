import { type RawBuilder, sql } from 'kysely';
import type { UnitScope } from '../domain/unit-scope.ts';
import { unitInScope } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';

/**
 * The workbench's reads (decision 037): each list is one statement over the units in the actor's scope
 * (the visible-units join every list uses), capped at `limit` rows with the count of all matches beside
 * them, most urgent (oldest) first. Nothing here is per unit: a bureau of thousands of units costs the
 * same few statements.
 */

export interface WorkbenchRow {
  unitCode: string;
  unitName: string;
  state: string;
  since: string | null;
  comment: string | null;
  commentBy: string | null;
  deadline: string | null;
  detail: string | null;
  parentId: number | null;
  /** The row's own year when it differs from the listed one (a 整改通知 about an earlier year's results). */
  fiscalYear?: number;
}

export interface Listed {
  rows: WorkbenchRow[];
  total: number;
}

interface ListOptions {
  scope: UnitScope;
  fiscalYear: number;
  limit: number;
}

type Raw = {
  code: string;
  name: string;
  state: string;
  since: Date | string | null;
  comment: string | null;
  comment_by: string | null;
  deadline: string | null;
  detail: string | null;
  parent_id: number | null;
  fiscal_year?: number;
  total: string;
};

const iso = (value: Date | string | null) =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

function listed(rows: Raw[]): Listed {
  return {
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    rows: rows.map((r) => ({
      unitCode: r.code,
      unitName: r.name,
      state: r.state,
      since: iso(r.since),
      comment: r.comment === '' ? null : r.comment,
      commentBy: r.comment_by,
      deadline: r.deadline,
      detail: r.detail,
      parentId: r.parent_id,
      ...(r.fiscal_year === undefined ? {} : { fiscalYear: r.fiscal_year }),
    })),
  };
}

/**
 * Unit-years whose targets are in one of `states` (no workflow row = draft), with the last transition's
 * comment and author (a return's reason). `directToBureau`: also units without a department whose
 * targets are submitted, which the bureau reviews itself.
 */
export async function targetsInStates(
  db: Executor,
  options: ListOptions & { states: readonly string[]; directToBureau?: boolean },
): Promise<Listed> {
  const state = sql`coalesce(w.state, 'draft')`;
  const states = sql.join(options.states.map((s) => sql`${s}`));
  const direct = options.directToBureau ? sql`or (${state} = 'submitted' and p.kind = 'bureau')` : sql``;
  // The last transition (a return's comment and author) is read for the listed rows only, after the limit.
  const result = await sql<Raw>`
    select x.code, x.name, x.state, x.since, t.comment, t.actor_name as comment_by, null::text as deadline,
           null::text as detail, x.parent_id, x.total
      from (select d.id as document_id, u.code, u.name, ${state} as state,
                   coalesce(w.updated_at, d.updated_at) as since, u.parent_id, count(*) over () as total
              from target_documents d
              join units u on u.id = d.unit_id
              left join target_workflows w on w.document_id = d.id
              left join organisations p on p.id = u.parent_id
             where d.fiscal_year = ${options.fiscalYear} and u.active and ${unitInScope(options.scope, 'u')}
               and (${state} in (${states}) ${direct})
             order by since, u.code
             limit ${options.limit}) x
      left join lateral (select t.comment, t.actor_name from workflow_transitions t
                          where t.document_id = x.document_id order by t.id desc limit 1) t on true
     order by x.since, x.code`.execute(db);
  return listed(result.rows);
}

/** Unit-years whose 自评 is at `status`; `returnedOnly`: drafts the department sent back (a comment is kept). */
export async function evaluationsAt(
  db: Executor,
  options: ListOptions & { status: 'draft' | 'submitted' | 'reviewed'; returnedOnly?: boolean },
): Promise<Listed> {
  const returned = options.returnedOnly ? sql`and e.review_comment <> ''` : sql``;
  const result = await sql<Raw>`
    select u.code, u.name, e.status as state, e.updated_at as since, e.review_comment as comment,
           e.updated_by as comment_by, null::text as deadline, null::text as detail, u.parent_id,
           count(*) over () as total
      from evaluation_unit_years e
      join units u on u.id = e.unit_id
     where e.fiscal_year = ${options.fiscalYear} and u.active and ${unitInScope(options.scope, 'u')}
       and e.status = ${options.status} ${returned}
     order by e.updated_at, u.code
     limit ${options.limit}`.execute(db);
  return listed(result.rows);
}

/**
 * Unit-years by their 部门整体自评表 (decision 045): `due` — a project 自评 exists and the 整体自评表 is not
 * stored yet or is a draft nobody returned; `returned` — a draft with the department's comment; else the status.
 */
export async function departmentEvaluationsAt(
  db: Executor,
  options: ListOptions & { status: 'due' | 'returned' | 'submitted' | 'reviewed' },
): Promise<Listed> {
  const { status } = options;
  const which =
    status === 'due'
      ? sql`(de.status is null or (de.status = 'draft' and de.review_comment = ''))`
      : status === 'returned'
        ? sql`de.status = 'draft' and de.review_comment <> ''`
        : sql`de.status = ${status}`;
  const result = await sql<Raw>`
    select u.code, u.name, coalesce(de.status, 'none') as state, coalesce(de.updated_at, e.updated_at) as since,
           nullif(de.review_comment, '') as comment, de.updated_by as comment_by, null::text as deadline,
           null::text as detail, u.parent_id, count(*) over () as total
      from units u
      left join evaluation_unit_years e on e.unit_id = u.id and e.fiscal_year = ${options.fiscalYear}
      left join department_evaluations de on de.unit_id = u.id and de.fiscal_year = ${options.fiscalYear}
     where (e.unit_id is not null or de.unit_id is not null) and u.active and ${unitInScope(options.scope, 'u')}
       and ${which}
     order by since, u.code
     limit ${options.limit}`.execute(db);
  return listed(result.rows);
}

/**
 * Monitoring actions still open (待整改 / 整改中); `overdueBefore`: only those past their deadline
 * (the reviewers' watch list). Earliest deadline first.
 */
export async function openActions(db: Executor, options: ListOptions & { overdueBefore?: string }): Promise<Listed> {
  const overdue = options.overdueBefore === undefined ? sql`` : sql`and a.deadline < ${options.overdueBefore}::date`;
  const result = await sql<Raw>`
    select u.code, u.name, a.state, a.created_at as since, a.body as comment, a.created_by as comment_by,
           to_char(a.deadline, 'YYYY-MM-DD') as deadline, a.kind as detail, u.parent_id, count(*) over () as total
      from monitoring_actions a
      join units u on u.id = a.unit_id
     where a.fiscal_year = ${options.fiscalYear} and u.active and ${unitInScope(options.scope, 'u')}
       and a.state in ('待整改', '整改中') ${overdue}
     order by a.deadline, a.id
     limit ${options.limit}`.execute(db);
  return listed(result.rows);
}

/**
 * 整改通知 still open (待整改 / 整改中) of any year — rectification follows a year's results into the next
 * (decision 048); `overdueBefore`: only those past their deadline. Earliest deadline first; detail = the notice id.
 */
export async function openNotices(
  db: Executor,
  options: Omit<ListOptions, 'fiscalYear'> & { overdueBefore?: string },
): Promise<Listed> {
  const overdue = options.overdueBefore === undefined ? sql`` : sql`and n.deadline < ${options.overdueBefore}::date`;
  const result = await sql<Raw>`
    select u.code, u.name, n.state, n.created_at as since, n.body as comment, n.created_by as comment_by,
           to_char(n.deadline, 'YYYY-MM-DD') as deadline, n.id::text as detail, u.parent_id, n.fiscal_year,
           count(*) over () as total
      from rectification_notices n
      join units u on u.id = n.unit_id
     where u.active and ${unitInScope(options.scope, 'u')} and n.state in ('待整改', '整改中') ${overdue}
     order by n.deadline, n.id
     limit ${options.limit}`.execute(db);
  return listed(result.rows);
}

/** Unit-years with computed warnings (the read model), the most serious first; detail = "rank:count". */
export async function unitsWithWarnings(db: Executor, options: ListOptions): Promise<Listed> {
  const result = await sql<Raw>`
    select u.code, u.name, 'warning' as state, null::timestamptz as since, null::text as comment,
           null::text as comment_by, null::text as deadline,
           s.max_warning_rank || ':' || coalesce(s.open_warnings, 0) as detail, u.parent_id, count(*) over () as total
      from unit_year_summaries s
      join units u on u.id = s.unit_id
     where s.fiscal_year = ${options.fiscalYear} and u.active and ${unitInScope(options.scope, 'u')}
       and s.max_warning_rank > 0
     order by s.max_warning_rank desc, s.open_warnings desc nulls last, u.code
     limit ${options.limit}`.execute(db);
  return listed(result.rows);
}

export interface MonitoredUnit {
  unitCode: string;
  unitName: string;
  parentId: number | null;
  submittedMonths: number[];
}

/**
 * The units in scope whose targets for the year are approved (monitoring follows the approved budget),
 * with the checkpoint months they submitted: the checkpoints themselves come from each unit's policy.
 */
export async function monitoredUnits(db: Executor, options: Omit<ListOptions, 'limit'>): Promise<MonitoredUnit[]> {
  const result = await sql<{ code: string; name: string; parent_id: number | null; months: number[] | null }>`
    select u.code, u.name, u.parent_id,
           (select array_agg(s.month order by s.month) from monitoring_submissions s
             where s.unit_id = u.id and s.fiscal_year = d.fiscal_year) as months
      from target_documents d
      join units u on u.id = d.unit_id
      join target_workflows w on w.document_id = d.id
     where d.fiscal_year = ${options.fiscalYear} and u.active and ${unitInScope(options.scope, 'u')}
       and w.state in ('approved', 'adjustment-requested', 'adjusting')
     order by u.code`.execute(db);
  return result.rows.map((r) => ({
    unitCode: r.code,
    unitName: r.name,
    parentId: r.parent_id,
    submittedMonths: r.months ?? [],
  }));
}

export interface StageCounts {
  units: number;
  draft: number;
  submitted: number;
  reviewed: number;
  approved: number;
  monitoringSubmitted: number;
  evaluationFinal: number;
}

/** Units per stage of the year in scope: one aggregate over the unit-years. */
export async function stageCounts(db: Executor, options: Omit<ListOptions, 'limit'>): Promise<StageCounts> {
  const state = sql`coalesce(w.state, 'draft')`;
  const count = (condition: RawBuilder<unknown>) => sql<string>`count(*) filter (where ${condition})`;
  const result = await sql<Record<keyof StageCounts, string>>`
    select count(*) as units,
           ${count(sql`${state} in ('draft', 'returned', 'adjusting')`)} as draft,
           ${count(sql`${state} = 'submitted'`)} as submitted,
           ${count(sql`${state} = 'department-reviewed'`)} as reviewed,
           ${count(sql`${state} in ('approved', 'adjustment-requested')`)} as approved,
           ${count(sql`exists (select 1 from monitoring_submissions s where s.unit_id = u.id and s.fiscal_year = d.fiscal_year)`)} as "monitoringSubmitted",
           ${count(sql`e.status = 'final'`)} as "evaluationFinal"
      from target_documents d
      join units u on u.id = d.unit_id
      left join target_workflows w on w.document_id = d.id
      left join evaluation_unit_years e on e.unit_id = d.unit_id and e.fiscal_year = d.fiscal_year
     where d.fiscal_year = ${options.fiscalYear} and u.active and ${unitInScope(options.scope, 'u')}`.execute(db);
  const row = result.rows[0]!;
  return {
    units: Number(row.units),
    draft: Number(row.draft),
    submitted: Number(row.submitted),
    reviewed: Number(row.reviewed),
    approved: Number(row.approved),
    monitoringSubmitted: Number(row.monitoringSubmitted),
    evaluationFinal: Number(row.evaluationFinal),
  };
}

/** The administrator's setup state: organisations, units, users and users without an e-mail address. */
export async function setupCounts(
  db: Executor,
): Promise<{ organisations: number; units: number; users: number; usersWithoutEmail: number }> {
  const result = await sql<{ organisations: string; units: string; users: string; without_email: string }>`
    select (select count(*) from organisations where active) as organisations,
           (select count(*) from units where active) as units,
           (select count(*) from users where not disabled) as users,
           (select count(*) from users where not disabled and coalesce(email, '') = '') as without_email`.execute(db);
  const row = result.rows[0]!;
  return {
    organisations: Number(row.organisations),
    units: Number(row.units),
    users: Number(row.users),
    usersWithoutEmail: Number(row.without_email),
  };
}

/** The unit's own 自评 status for the year (null: not started) and whether its targets are approved. */
export async function unitYearStatus(
  db: Executor,
  unitCode: string,
  fiscalYear: number,
): Promise<{ approved: boolean; evaluation: string | null } | null> {
  const result = await sql<{ state: string | null; status: string | null }>`
    select w.state, e.status
      from target_documents d
      join units u on u.id = d.unit_id
      left join target_workflows w on w.document_id = d.id
      left join evaluation_unit_years e on e.unit_id = d.unit_id and e.fiscal_year = d.fiscal_year
     where u.code = ${unitCode} and d.fiscal_year = ${fiscalYear}`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  const approved = row.state === 'approved' || row.state === 'adjustment-requested' || row.state === 'adjusting';
  return { approved, evaluation: row.status };
}
