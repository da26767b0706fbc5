import { type RawBuilder, sql } from 'kysely';
import type { UnitScope } from '../domain/unit-scope.ts';
import { unitInScope } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';
import { escapeLike } from './units.repo.ts';

/**
 * The bureau's results list (结果应用, decision 048): one statement per page over the unit-years in scope that
 * have a 自评 or a 整改通知, grades from the read model (unit_year_summaries), the notices counted beside them.
 */

export interface ResultFilters {
  fiscalYear?: number | undefined;
  grade?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  search?: string | undefined;
}

export interface ResultListRow {
  unitCode: string;
  unitName: string;
  fiscalYear: number;
  evaluationStatus: string | null;
  meanScore: number | null;
  grade: '优' | '良' | '中' | '差' | null;
  grades: { excellent: number; good: number; fair: number; poor: number };
  openWarnings: number;
  notices: { open: number; overdue: number; done: number; closed: number };
}

interface Raw {
  code: string;
  name: string;
  fiscal_year: number;
  status: string | null;
  mean_score: number | null;
  score_grade: string | null;
  g1: number | null;
  g2: number | null;
  g3: number | null;
  g4: number | null;
  open_warnings: number | null;
  n_open: string;
  n_overdue: string;
  n_done: string;
  n_closed: string;
  total: string;
}

function conditions(filters: ResultFilters, today: string): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filters.fiscalYear !== undefined) parts.push(sql`y.fiscal_year = ${filters.fiscalYear}`);
  if (filters.grade !== undefined) parts.push(sql`s.score_grade = ${filters.grade}`);
  if (filters.status !== undefined) {
    parts.push(sql`exists (select 1 from rectification_notices n where n.unit_id = y.unit_id
                              and n.fiscal_year = y.fiscal_year and n.state = ${filters.status})`);
  }
  if (filters.overdue) {
    parts.push(sql`exists (select 1 from rectification_notices n where n.unit_id = y.unit_id
                              and n.fiscal_year = y.fiscal_year and n.state in ('待整改', '整改中')
                              and n.deadline < ${today}::date)`);
  }
  const search = filters.search?.trim();
  if (search) {
    const pattern = escapeLike(search.toLowerCase());
    parts.push(sql`(lower(u.code) like ${`${pattern}%`} or lower(u.name) like ${`%${pattern}%`})`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** One page of unit-years (latest year first, then unit code) and how many match. */
export async function resultPage(
  db: Executor,
  input: { scope: UnitScope; filters: ResultFilters; today: string; limit: number; offset: number },
): Promise<{ rows: ResultListRow[]; total: number }> {
  const { scope, filters, today } = input;
  const result = await sql<Raw>`
    with y as (
      select unit_id, fiscal_year from evaluation_unit_years
      union
      select unit_id, fiscal_year from rectification_notices)
    select u.code, u.name, y.fiscal_year, e.status, s.mean_score, s.score_grade,
           s.grade_excellent as g1, s.grade_good as g2, s.grade_fair as g3, s.grade_poor as g4, s.open_warnings,
           coalesce(n.n_open, 0)::text as n_open, coalesce(n.n_overdue, 0)::text as n_overdue,
           coalesce(n.n_done, 0)::text as n_done, coalesce(n.n_closed, 0)::text as n_closed,
           count(*) over () as total
      from y
      join units u on u.id = y.unit_id
      left join evaluation_unit_years e on e.unit_id = y.unit_id and e.fiscal_year = y.fiscal_year
      left join unit_year_summaries s on s.unit_id = y.unit_id and s.fiscal_year = y.fiscal_year
      left join lateral (
        select count(*) filter (where state in ('待整改', '整改中')) as n_open,
               count(*) filter (where state in ('待整改', '整改中') and deadline < ${today}::date) as n_overdue,
               count(*) filter (where state = '已整改') as n_done,
               count(*) filter (where state = '已销号') as n_closed
          from rectification_notices r where r.unit_id = y.unit_id and r.fiscal_year = y.fiscal_year) n on true
     where ${unitInScope(scope, 'u')} and ${conditions(filters, today)}
     order by y.fiscal_year desc, u.code
     limit ${input.limit} offset ${input.offset}`.execute(db);
  const rows = result.rows.map((r) => ({
    unitCode: r.code,
    unitName: r.name,
    fiscalYear: r.fiscal_year,
    evaluationStatus: r.status,
    meanScore: r.mean_score,
    grade: r.score_grade as ResultListRow['grade'],
    grades: { excellent: r.g1 ?? 0, good: r.g2 ?? 0, fair: r.g3 ?? 0, poor: r.g4 ?? 0 },
    openWarnings: r.open_warnings ?? 0,
    notices: {
      open: Number(r.n_open),
      overdue: Number(r.n_overdue),
      done: Number(r.n_done),
      closed: Number(r.n_closed),
    },
  }));
  return { rows, total: result.rows.length > 0 ? Number(result.rows[0]!.total) : 0 };
}

/** Open notices (待整改/整改中) per project code of a unit-year: what the review page shows as open rectifications. */
export async function openNoticesByProject(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('rectification_notices as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .select(['n.project_code', (eb) => eb.fn.countAll<string>().as('n')])
    .where('u.code', '=', key.unitCode)
    .where('n.fiscal_year', '=', key.fiscalYear)
    .where('n.state', 'in', ['待整改', '整改中'])
    .groupBy('n.project_code')
    .execute();
  return new Map(rows.map((r) => [r.project_code, Number(r.n)]));
}

/** The unit-year's computed monitoring warnings still open, from the read model (0 when not computed). */
export async function openWarningsOf(db: Executor, key: { unitCode: string; fiscalYear: number }): Promise<number> {
  const row = await db
    .selectFrom('unit_year_summaries as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select('s.open_warnings')
    .where('u.code', '=', key.unitCode)
    .where('s.fiscal_year', '=', key.fiscalYear)
    .executeTakeFirst();
  return row?.open_warnings ?? 0;
}

/** The unit's latest year with targets before `fiscalYear`, or null. */
export async function previousTargetsYear(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<number | null> {
  const row = await db
    .selectFrom('target_documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select('d.fiscal_year')
    .where('u.code', '=', key.unitCode)
    .where('d.fiscal_year', '<', key.fiscalYear)
    .orderBy('d.fiscal_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.fiscal_year ?? null;
}
