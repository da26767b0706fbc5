import { sql } from 'kysely';
import { subtreeOf } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';

export interface CopiedTargets {
  /** The units given a draft of the new year, by code, with the year their draft was copied from. */
  units: { code: string; fromYear: number }[];
  /** Units of the tree that already had targets for the year: left as they were. */
  alreadyPresent: number;
  projects: number;
  indicators: number;
}

/**
 * Opening year N (decision 038): every active unit under the bureau that has targets for an earlier year and
 * none for N gets its latest earlier document copied as N's draft: the overall targets, the projects with
 * their budget, spending plan and indicators (target values as written). Nothing of the earlier year's
 * workflow, monitoring or 自评 comes along: a new document has no workflow row, so it is a draft.
 * Set-based, four INSERT … SELECT statements whatever the number of units.
 */
export async function copyLatestTargets(db: Executor, bureauCode: string, year: number): Promise<CopiedTargets> {
  const inTree = sql`u.active and u.parent_id in ${subtreeOf(bureauCode)}`;
  const present = await sql<{ n: number }>`
    select count(*)::integer as n from units u join target_documents d on d.unit_id = u.id and d.fiscal_year = ${year}
     where ${inTree}`.execute(db);
  const copied = await sql<{ oldId: number; newId: number; code: string; fromYear: number }>`
    with source as (
      select distinct on (d.unit_id) d.id, d.unit_id, d.overall, d.fiscal_year, u.code
        from units u join target_documents d on d.unit_id = u.id and d.fiscal_year < ${year}
       where ${inTree}
         and not exists (select 1 from target_documents n where n.unit_id = u.id and n.fiscal_year = ${year})
       order by d.unit_id, d.fiscal_year desc
    ), inserted as (
      insert into target_documents (unit_id, fiscal_year, overall)
      select unit_id, ${year}, overall from source order by unit_id
      returning id, unit_id
    )
    select s.id as "oldId", i.id as "newId", s.code, s.fiscal_year as "fromYear"
      from source s join inserted i on i.unit_id = s.unit_id
     order by s.code`.execute(db);
  if (copied.rows.length === 0) return { units: [], alreadyPresent: present.rows[0]!.n, projects: 0, indicators: 0 };

  const oldIds = copied.rows.map((row) => row.oldId);
  const newIds = copied.rows.map((row) => row.newId);
  const pairs = sql`(select * from unnest(${oldIds}::integer[], ${newIds}::integer[]) as m(old_id, new_id))`;
  const projects = await sql`
    insert into projects (document_id, position, code, name, budget_total, budget_fiscal, budget_other, purpose, goals,
                          derived_code, details)
    select m.new_id, p.position, p.code, p.name, p.budget_total, p.budget_fiscal, p.budget_other, p.purpose, p.goals,
           p.derived_code, p.details
      from projects p join ${pairs} m on m.old_id = p.document_id`.execute(db);
  // The old and new project of the same code in each copied document, for their indicators and spending plan.
  const projectPairs = sql`(
    select op.id as old_project, np.id as new_project
      from ${pairs} m
      join projects op on op.document_id = m.old_id
      join projects np on np.document_id = m.new_id and np.code = op.code)`;
  const indicators = await sql`
    insert into indicators (project_id, position, level1, level2, name, description, target_raw, target_op, target_value,
                            target_unit, target_min, target_max, basis, category, nature, weight, direction, extras)
    select pp.new_project, i.position, i.level1, i.level2, i.name, i.description, i.target_raw, i.target_op,
           i.target_value, i.target_unit, i.target_min, i.target_max, i.basis, i.category, i.nature, i.weight,
           i.direction, i.extras
      from indicators i join ${projectPairs} pp on pp.old_project = i.project_id`.execute(db);
  await sql`
    insert into spending_checkpoints (project_id, position, month, cumulative_percent)
    select pp.new_project, c.position, c.month, c.cumulative_percent
      from spending_checkpoints c join ${projectPairs} pp on pp.old_project = c.project_id`.execute(db);
  return {
    units: copied.rows.map((row) => ({ code: row.code, fromYear: row.fromYear })),
    alreadyPresent: present.rows[0]!.n,
    projects: Number(projects.numAffectedRows ?? 0),
    indicators: Number(indicators.numAffectedRows ?? 0),
  };
}

/**
 * The unit's latest year before `year` with targets, and per project and indicator its target as written and
 * the 实际完成值 its 自评 recorded (null when not reported): what the draft of `year` is shown beside.
 */
export async function previousYearActuals(
  db: Executor,
  unitCode: string,
  year: number,
): Promise<{ previousYear: number | null; items: PreviousYearActual[] }> {
  const previous = await db
    .selectFrom('target_documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.unit_id', 'd.fiscal_year'])
    .where('u.code', '=', unitCode)
    .where('d.fiscal_year', '<', year)
    .orderBy('d.fiscal_year', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) return { previousYear: null, items: [] };
  const items = await db
    .selectFrom('projects as p')
    .innerJoin('indicators as i', 'i.project_id', 'p.id')
    .leftJoin('evaluation_indicators as e', (join) =>
      join
        .on('e.unit_id', '=', previous.unit_id)
        .on('e.fiscal_year', '=', previous.fiscal_year)
        .onRef('e.project_code', '=', 'p.code')
        .onRef('e.indicator_name', '=', 'i.name'),
    )
    .select(['p.code as projectCode', 'i.name as indicatorName', 'i.target_raw as target', 'e.actual'])
    .where('p.document_id', '=', previous.id)
    .orderBy('p.position')
    .orderBy('i.position')
    .execute();
  return { previousYear: previous.fiscal_year, items };
}

export interface PreviousYearActual {
  projectCode: string;
  indicatorName: string;
  target: string;
  actual: string | null;
}
