import { type Kysely, sql } from 'kysely';

/**
 * The read of GET one project (the busiest API route, bench api) as a PL/pgSQL function.
 *
 * Why a function: the pg driver and Kysely send every statement unnamed, so PostgreSQL parses and
 * plans it anew each time, and for this three-table join with two aggregating subqueries that cost
 * about four times its execution (roughly 0.8 ms of server CPU per request against 0.15 ms of
 * execution). A PL/pgSQL function keeps the plan of its query for the life of the connection, and
 * the call itself is trivial to plan; a LANGUAGE sql function would be inlined and planned again.
 * STABLE: its one query sees the caller's snapshot, so the answer stays one consistent read.
 *
 * src/db/project-read.repo.ts owns the row's meaning; a change of columns is a new migration that
 * replaces this function (forward-only), together with that file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function project_with_details(unit_code text, fiscal_year integer, project_code text)
      returns table (document_id integer, version integer, code text, name text, purpose text, goals jsonb,
                     budget_total text, budget_fiscal text, budget_other text, indicators json, spending_plan json)
      language plpgsql stable
    as $body$
    #variable_conflict use_column
    begin
      return query
        select d.id, p.version, p.code, p.name, p.purpose, p.goals,
               p.budget_total::text, p.budget_fiscal::text, p.budget_other::text,
               (select json_agg(json_build_array(i.level1, i.level2, i.name, i.description, i.target_raw, i.target_op, i.target_value,
                                                 i.target_unit, i.target_min, i.target_max, i.basis, i.category) order by i.position)
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
