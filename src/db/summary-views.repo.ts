import { type RawBuilder, sql } from 'kysely';
import { formatCents } from '../domain/money.ts';
import { type WarningLevel, levelRank } from '../domain/monitoring/policy.ts';
import type { Grade } from '../domain/scoring/index.ts';
import type { UnitScope } from '../domain/unit-scope.ts';
import { type WorkflowState, WORKFLOW_STATES } from '../domain/workflow/states.ts';
import { unitInScope } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';

/**
 * The bureau views' SQL over unit_year_summaries (docs/decisions/013-read-model.md): a fixed number
 * of queries per request whatever the number of units. Visibility is a join on the organisation
 * tree (src/db/org-tree.sql.ts), never a list of unit codes in the query.
 */

export interface SummaryFilters {
  fiscalYear?: number | undefined;
  /** A department (or bureau) code: only the units under it. */
  department?: string | undefined;
  /** Unit code prefix or part of the name. */
  search?: string | undefined;
  state?: string | undefined;
  reviewGrade?: string | undefined;
  scoreGrade?: string | undefined;
  /** At least one warning of this level or higher. */
  warningLevel?: WarningLevel | undefined;
}

/** The filters every bureau view's query has (src/contract/bureau.ts), picked from a parsed query. */
export function bureauFilters(query: {
  department?: string | undefined;
  search?: string | undefined;
  warningLevel?: WarningLevel | undefined;
}): SummaryFilters {
  return { department: query.department, search: query.search, warningLevel: query.warningLevel };
}

/**
 * Every ORDER BY a bureau view may use, per view and sort key: fixed SQL chosen here, never request
 * text. Each ends with the unit code so a page is stable.
 */
const ORDER_BY = {
  overview: {
    code: { asc: 'r.code asc, r.fiscal_year asc', desc: 'r.code desc, r.fiscal_year desc' },
    updated: {
      asc: 'r.workflow_updated_at asc nulls first, r.code asc',
      desc: 'r.workflow_updated_at desc nulls last, r.code asc',
    },
    // 优 < 良 < 中 < 差 in Unicode order is not the grade order: spell it out.
    grade: {
      asc: "array_position(array['优','良','中','差'], r.review_grade) asc nulls last, r.code asc",
      desc: "array_position(array['优','良','中','差'], r.review_grade) desc nulls first, r.code asc",
    },
  },
  monitoring: {
    // A unit without a rate (no budget) sorts as 0: it has executed nothing either.
    execution: {
      asc: 'coalesce(r.execution_rate, 0) asc, r.code asc',
      desc: 'coalesce(r.execution_rate, 0) desc, r.code asc',
    },
    score: { asc: 'r.mean_score desc nulls last, r.code asc', desc: 'r.mean_score asc nulls first, r.code asc' },
    warnings: {
      asc: 'r.max_warning_rank desc nulls last, r.warnings_focus desc nulls last, r.warnings_alert desc nulls last, r.warnings_notice desc nulls last, r.code asc',
      desc: 'r.max_warning_rank asc nulls first, r.warnings_focus asc nulls first, r.warnings_alert asc nulls first, r.warnings_notice asc nulls first, r.code asc',
    },
    code: { asc: 'r.code asc', desc: 'r.code desc' },
  },
  ranking: {
    score: { asc: 'r.score_rank asc, r.code asc', desc: 'r.score_rank desc, r.code asc' },
    execution: {
      asc: 'r.execution_rank asc nulls last, r.code asc',
      desc: 'r.execution_rank desc nulls first, r.code asc',
    },
    code: { asc: 'r.code asc', desc: 'r.code desc' },
  },
} as const satisfies Record<string, Record<string, { asc: string; desc: string }>>;

type Views = typeof ORDER_BY;
/** Which view asks (its sort keys and whether it ranks), the sort key and its direction. */
export type SummarySort = {
  [V in keyof Views]: { view: V; key: keyof Views[V]; order: 'asc' | 'desc' };
}[keyof Views];

function orderByOf(sort: SummarySort): RawBuilder<unknown> {
  const clauses: Record<string, { asc: string; desc: string }> = ORDER_BY[sort.view];
  return sql.raw(clauses[sort.key]![sort.order]);
}

/** One unit-year of a bureau view, as the views show it. */
export interface SummaryRow {
  unitCode: string;
  unitName: string;
  fiscalYear: number;
  workflowState: WorkflowState;
  /** ISO time of the last workflow step, null before the first. */
  workflowUpdatedAt: string | null;
  reviewGrade: string | null;
  reviewErrors: number | null;
  reviewWarnings: number | null;
  projectCount: number;
  meanScore: number | null;
  scoreGrade: Grade | null;
  incomplete: boolean;
  evaluated: boolean;
  /** Year-end 执行率 in percent. */
  yearEndRate: number | null;
  /** Monitoring: budget and spending to date (amounts), the execution rate as stored (two decimals). */
  budget: string;
  spentToDate: string;
  executionRate: string | null;
  asOfMonth: number;
  warningCounts: Record<WarningLevel, number>;
  openWarnings: number;
  /** Place among everything the scope sees that year (ranking view only; else null). */
  scoreRank: number | null;
  executionRank: number | null;
  /** Being recomputed (or never computed): the figures are as of `computedAt`. */
  stale: boolean;
  computedAt: string | null;
}

/** The row as PostgreSQL returns it: int8 and numeric as text (pg and PGlite alike), times as Date or text. */
interface RawSummaryRow {
  code: string;
  name: string;
  fiscal_year: number;
  stale: boolean;
  computed_at: Date | string | null;
  as_of_month: number | null;
  workflow_state: string | null;
  workflow_updated_at: Date | string | null;
  review_grade: string | null;
  review_errors: number | null;
  review_warnings: number | null;
  project_count: number | null;
  mean_score: number | string | null;
  score_grade: string | null;
  incomplete: boolean | null;
  evaluated: boolean | null;
  year_end_rate_text: string | null;
  execution_rate_text: string | null;
  budget_text: string | null;
  spent_text: string | null;
  warnings_notice: number | null;
  warnings_alert: number | null;
  warnings_focus: number | null;
  open_warnings: number | null;
  score_rank: string | number | null;
  execution_rank: string | number | null;
  ordinal: string | number | null;
}

const GRADES: readonly string[] = ['优', '良', '中', '差'] satisfies Grade[];
const STATES: readonly string[] = WORKFLOW_STATES;

function summaryRowOf(row: RawSummaryRow): SummaryRow {
  const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));
  return {
    unitCode: row.code,
    unitName: row.name,
    fiscalYear: Number(row.fiscal_year),
    // Written by the refresher from the workflow and scoring enums; anything else reads as none.
    workflowState:
      row.workflow_state !== null && STATES.includes(row.workflow_state)
        ? (row.workflow_state as WorkflowState)
        : 'draft',
    workflowUpdatedAt: timeOf(row.workflow_updated_at),
    reviewGrade: row.review_grade,
    reviewErrors: numberOrNull(row.review_errors),
    reviewWarnings: numberOrNull(row.review_warnings),
    projectCount: Number(row.project_count ?? 0),
    meanScore: numberOrNull(row.mean_score),
    scoreGrade: row.score_grade !== null && GRADES.includes(row.score_grade) ? (row.score_grade as Grade) : null,
    incomplete: row.incomplete === true,
    evaluated: row.evaluated === true,
    yearEndRate: numberOrNull(row.year_end_rate_text),
    budget: amountOf(row.budget_text),
    spentToDate: amountOf(row.spent_text),
    executionRate: row.execution_rate_text,
    asOfMonth: Number(row.as_of_month ?? 0),
    warningCounts: {
      提示: Number(row.warnings_notice ?? 0),
      警示: Number(row.warnings_alert ?? 0),
      重点监控: Number(row.warnings_focus ?? 0),
    },
    openWarnings: Number(row.open_warnings ?? 0),
    scoreRank: numberOrNull(row.score_rank),
    executionRank: numberOrNull(row.execution_rank),
    stale: row.stale === true || row.computed_at === null,
    computedAt: timeOf(row.computed_at),
  };
}

function amountOf(cents: string | null): string {
  return cents === null ? '0.00' : formatCents(BigInt(cents));
}

function timeOf(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

const UNGRADED = '未定级';

/** Every unit-year with targets the scope may see, its summary and live code, name and parent. */
function visible(scope: UnitScope, fiscalYear: number | undefined): RawBuilder<unknown> {
  return sql`
    select s.*, u.code, u.name, u.parent_id
      from unit_year_summaries s
      join units u on u.id = s.unit_id
     where ${fiscalYear === undefined ? sql`true` : sql`s.fiscal_year = ${fiscalYear}`}
       and ${unitInScope(scope, 'u')}
       and exists (select 1 from target_documents d where d.unit_id = s.unit_id and d.fiscal_year = s.fiscal_year)`;
}

function filterCondition(f: SummaryFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.department !== undefined) parts.push(unitInScope({ kind: 'organisation', code: f.department }, 'r'));
  if (f.search !== undefined && f.search.trim() !== '') {
    const text = f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(sql`(r.code like ${`${text}%`} or r.name ilike ${`%${text}%`})`);
  }
  if (f.state !== undefined) parts.push(sql`coalesce(r.workflow_state, 'draft') = ${f.state}`);
  // 未定级: no grade (not computable, or 自评 incomplete / not begun).
  if (f.reviewGrade !== undefined)
    parts.push(f.reviewGrade === UNGRADED ? sql`r.review_grade is null` : sql`r.review_grade = ${f.reviewGrade}`);
  if (f.scoreGrade !== undefined)
    parts.push(f.scoreGrade === UNGRADED ? sql`r.score_grade is null` : sql`r.score_grade = ${f.scoreGrade}`);
  if (f.warningLevel !== undefined) parts.push(sql`r.max_warning_rank >= ${levelRank(f.warningLevel)}`);
  return sql.join(parts, sql` and `);
}

/** The totals columns the statement adds to every row (text: counts are int8). */
interface Aggregates {
  agg_total: string;
  agg_stale: string;
  agg_g1: string;
  agg_g2: string;
  agg_g3: string;
  agg_g4: string;
  agg_g0: string;
  agg_w1: string;
  agg_w2: string;
  agg_w3: string;
  /** JSON objects: count per workflow state, per review grade. */
  agg_states: string;
  agg_review_grades: string;
}

export interface SummaryAggregates {
  total: number;
  stale: number;
  grades: { 优: number; 良: number; 中: number; 差: number; 未定级: number };
  warnings: { 提示: number; 警示: number; 重点监控: number };
  states: Record<string, number>;
  reviewGrades: Record<string, number>;
}

/**
 * One page and the totals over every matching row, in ONE statement (one snapshot, no transaction):
 * the visible rows ranked over the whole visible year (score and year-end execution, competition
 * ranking; units without a score rank last), then filtered, sorted and cut to the page. The rank
 * is the unit's place among everything the user may see, whichever page or filter shows it.
 */
export async function summaryPage(
  db: Executor,
  input: { scope: UnitScope; filters: SummaryFilters; sort: SummarySort; limit: number; offset: number },
): Promise<{ rows: SummaryRow[]; totals: SummaryAggregates }> {
  // Only the ranking shows ranks: the other views skip its two sorts of every visible row.
  const ranks = input.sort.view === 'ranking';
  const orderBy = orderByOf(input.sort);
  const result = await sql<Partial<RawSummaryRow> & Aggregates>`
    with v as (${visible(input.scope, input.filters.fiscalYear)}),
    ranked as (${
      ranks
        ? sql`
      select v.*,
             case when v.mean_score is null then count(*) over (partition by v.fiscal_year)
                  else rank() over (partition by v.fiscal_year order by v.mean_score desc nulls last) end as score_rank,
             case when v.year_end_rate is null then null
                  else rank() over (partition by v.fiscal_year order by v.year_end_rate desc nulls last) end as execution_rank
        from v`
        : sql`select v.*, null::bigint as score_rank, null::bigint as execution_rank from v`
    }),
    matching as (select r.* from ranked r where ${filterCondition(input.filters)}),
    agg as (
      select count(*)::text as agg_total,
             count(*) filter (where stale or computed_at is null)::text as agg_stale,
             coalesce(sum(grade_excellent), 0)::text as agg_g1, coalesce(sum(grade_good), 0)::text as agg_g2,
             coalesce(sum(grade_fair), 0)::text as agg_g3, coalesce(sum(grade_poor), 0)::text as agg_g4, coalesce(sum(grade_none), 0)::text as agg_g0,
             coalesce(sum(warnings_notice), 0)::text as agg_w1, coalesce(sum(warnings_alert), 0)::text as agg_w2,
             coalesce(sum(warnings_focus), 0)::text as agg_w3,
             (select coalesce(json_object_agg(k, n), '{}')::text
                from (select coalesce(workflow_state, 'draft') as k, count(*) as n from matching group by 1) x) as agg_states,
             (select coalesce(json_object_agg(k, n), '{}')::text
                from (select review_grade as k, count(*) as n from matching where review_grade is not null group by 1) x) as agg_review_grades
        from matching)
    select agg.*, p.*
      from agg
      left join lateral (
        select r.*, r.year_end_rate::text as year_end_rate_text, r.execution_rate::text as execution_rate_text,
               r.budget_cents::text as budget_text, r.spent_cents::text as spent_text,
               row_number() over (order by ${orderBy}) as ordinal
          from matching r
         order by ${orderBy}
         limit ${input.limit} offset ${input.offset}) p on true
     order by p.ordinal`.execute(db);
  const first: Partial<Aggregates> = result.rows[0] ?? {};
  const n = (key: keyof Aggregates) => Number(first[key] ?? 0);
  return {
    // No matching row on this page: the one row carries the totals only.
    rows: result.rows
      .filter((row): row is RawSummaryRow & Aggregates => row.ordinal !== null && row.ordinal !== undefined)
      .map(summaryRowOf),
    totals: {
      total: n('agg_total'),
      stale: n('agg_stale'),
      grades: { 优: n('agg_g1'), 良: n('agg_g2'), 中: n('agg_g3'), 差: n('agg_g4'), 未定级: n('agg_g0') },
      warnings: { 提示: n('agg_w1'), 警示: n('agg_w2'), 重点监控: n('agg_w3') },
      states: JSON.parse(first.agg_states ?? '{}') as Record<string, number>,
      reviewGrades: JSON.parse(first.agg_review_grades ?? '{}') as Record<string, number>,
    },
  };
}
