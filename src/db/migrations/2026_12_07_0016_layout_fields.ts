import { type Kysely, sql } from 'kysely';

/**
 * What provincial layouts state beyond the seed's (issue 15, decision 030): all nullable, so a
 * seed-layout document stores exactly as before and the set-based writes pass NULL for what is absent.
 *
 * - indicators: 指标性质 / 权重 / 指标方向性 as typed columns (a weight is text as written: "7.5",
 *   "10"), and `extras` (columns the model has no place for, label → value) as json.
 * - projects: `derived_code` (the code was derived from the name) and `details` (主管部门, 实施单位,
 *   period, 长期目标, extras, fields the layout lacks) as json: read and written whole, never queried.
 * - target_documents.overall becomes json too: it now holds the department-level indicators, whose
 *   `extras` keep the source table's column order only as json text (jsonb sorts object keys).
 * - project_with_details (migration 0011) is replaced to return the new columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('indicators')
    .addColumn('nature', 'text', (c) => c.check(sql`nature in ('quantitative', 'qualitative')`))
    .addColumn('weight', 'text')
    .addColumn('direction', 'text', (c) => c.check(sql`direction in ('positive', 'negative')`))
    .addColumn('extras', 'json')
    .execute();
  await db.schema
    .alterTable('projects')
    .addColumn('derived_code', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('details', 'json')
    .execute();
  await sql`alter table target_documents alter column overall type json using overall::json`.execute(db);
  await sql`drop function project_with_details(text, integer, text)`.execute(db);
  await sql`
    create function project_with_details(unit_code text, fiscal_year integer, project_code text)
      returns table (document_id integer, version integer, code text, name text, purpose text, goals jsonb,
                     budget_total text, budget_fiscal text, budget_other text, derived_code boolean, details json,
                     indicators json, spending_plan json)
      language plpgsql stable
    as $body$
    #variable_conflict use_column
    begin
      return query
        select d.id, p.version, p.code, p.name, p.purpose, p.goals,
               p.budget_total::text, p.budget_fiscal::text, p.budget_other::text, p.derived_code, p.details,
               (select json_agg(json_build_array(i.level1, i.level2, i.name, i.description, i.target_raw, i.target_op, i.target_value,
                                                 i.target_unit, i.target_min, i.target_max, i.basis, i.category,
                                                 i.nature, i.weight, i.direction, i.extras) order by i.position)
                  from indicators i where i.project_id = p.id),
               (select json_agg(json_build_array(c.month, c.cumulative_percent::text) order by c.position)
                  from spending_checkpoints c where c.project_id = p.id)
          from target_documents d
          join units u on u.id = d.unit_id
          left join projects p on p.document_id = d.id and p.code = project_with_details.project_code
         where u.code = project_with_details.unit_code and d.fiscal_year = project_with_details.fiscal_year;
    end
    $body$`.execute(db);
}
