import { type RawBuilder, sql } from 'kysely';
import type { Executor } from './schema.ts';

/**
 * The bureau views' SQL over unit_year_summaries (docs/decisions/013-read-model.md): a fixed number
 * of queries per request whatever the number of units. Visibility is a join on the organisation
 * tree (the rule of src/usecases/visible-units.ts), never a list of unit codes in the query.
 */

export type SummaryScope =
  { kind: 'all' } | { kind: 'none' } | { kind: 'unit'; unitCode: string } | { kind: 'tree'; orgCode: string };

export interface SummaryFilters {
  fiscalYear?: number | undefined;
  /** A department (or bureau) code: only the units under it. */
  department?: string | undefined;
  /** Unit code prefix or part of the name. */
  search?: string | undefined;
  state?: string | undefined;
  reviewGrade?: string | undefined;
  scoreGrade?: string | undefined;
  /** At least one warning of this rank or higher (1 提示, 2 警示, 3 重点监控). */
  minWarningRank?: number | undefined;
}

export type SummaryRow = Record<string, unknown>;

const UNGRADED = '未定级';

const under = (orgCode: string) => sql`(
  with recursive tree(id, depth) as (
    select id, 1 from organisations where code = ${orgCode}
    union all
    select o.id, t.depth + 1 from organisations o join tree t on o.parent_id = t.id where t.depth < 16
  ) select id from tree)`;

function scopeCondition(scope: SummaryScope): RawBuilder<unknown> {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'unit':
      return sql`u.code = ${scope.unitCode}`;
    case 'tree':
      return sql`u.parent_id in ${under(scope.orgCode)}`;
  }
}

/** Every unit-year with targets the scope may see, its summary and live code, name and parent. */
function visible(scope: SummaryScope, fiscalYear: number | undefined): RawBuilder<unknown> {
  return sql`
    select s.*, u.code, u.name, u.parent_id
      from unit_year_summaries s
      join units u on u.id = s.unit_id
     where ${fiscalYear === undefined ? sql`true` : sql`s.fiscal_year = ${fiscalYear}`}
       and ${scopeCondition(scope)}
       and exists (select 1 from target_documents d where d.unit_id = s.unit_id and d.fiscal_year = s.fiscal_year)`;
}

function filterCondition(f: SummaryFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.department !== undefined) parts.push(sql`r.parent_id in ${under(f.department)}`);
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
  if (f.minWarningRank !== undefined) parts.push(sql`r.max_warning_rank >= ${f.minWarningRank}`);
  return sql.join(parts, sql` and `);
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
  input: {
    scope: SummaryScope;
    filters: SummaryFilters;
    orderBy: RawBuilder<unknown>;
    limit: number;
    offset: number;
    /** Compute the score and execution ranks (two sorts of every visible row); views that show no rank skip them. */
    ranks: boolean;
  },
): Promise<{ rows: SummaryRow[]; totals: SummaryAggregates }> {
  const result = await sql<SummaryRow & Record<`agg_${string}`, string | null>>`
    with v as (${visible(input.scope, input.filters.fiscalYear)}),
    ranked as (${
      input.ranks
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
               row_number() over (order by ${input.orderBy}) as ordinal
          from matching r
         order by ${input.orderBy}
         limit ${input.limit} offset ${input.offset}) p on true
     order by p.ordinal`.execute(db);
  const first = result.rows[0] ?? {};
  const n = (key: string) => Number((first as Record<string, unknown>)[`agg_${key}`] ?? 0);
  return {
    // No matching row on this page: the one row carries the totals only.
    rows: result.rows.filter((row) => row.ordinal !== null),
    totals: {
      total: n('total'),
      stale: n('stale'),
      grades: { 优: n('g1'), 良: n('g2'), 中: n('g3'), 差: n('g4'), 未定级: n('g0') },
      warnings: { 提示: n('w1'), 警示: n('w2'), 重点监控: n('w3') },
      states: JSON.parse(String((first as Record<string, unknown>).agg_states ?? '{}')) as Record<string, number>,
      reviewGrades: JSON.parse(String((first as Record<string, unknown>).agg_review_grades ?? '{}')) as Record<
        string,
        number
      >,
    },
  };
}
