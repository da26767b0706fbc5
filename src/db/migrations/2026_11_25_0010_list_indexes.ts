import { type Kysely, sql } from 'kysely';

/**
 * Indexes for every filter the paginated lists offer (issue 6, decision in the comments below).
 *
 * Plain btree only: pg_trgm (what a substring search on names would want) is not available on the
 * embedded PGlite engine, and the columns searched by substring — unit and user names — live in
 * tables of a few thousand short rows even for a whole city, which a sequential scan reads in well
 * under a millisecond. What can grow or is filtered by equality gets an index:
 * - codes and usernames are searched by prefix: `lower(x) text_pattern_ops` serves `lower(x) like 'p%'`
 *   under any collation;
 * - the visibility rule and the organisation filter walk organisations.parent_id and units.parent_id;
 * - the year filter asks "has targets for year Y" (target_documents is unique on (unit_id, year),
 *   which serves the per-unit lookup; (fiscal_year, unit_id) serves the year-first one and the
 *   fiscal-year list);
 * - users by role or organisation, in username order (the list's sort);
 * - review comments of one project, and audit entries of one entity kind, newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index units_code_lower_idx on units (lower(code) text_pattern_ops)`.execute(db);
  await sql`create index units_parent_idx on units (parent_id, code)`.execute(db);
  await sql`create index organisations_parent_idx on organisations (parent_id)`.execute(db);
  await sql`create index target_documents_year_idx on target_documents (fiscal_year, unit_id)`.execute(db);
  await sql`create index users_username_lower_idx on users (lower(username) text_pattern_ops)`.execute(db);
  await sql`create index users_role_idx on users (role, username)`.execute(db);
  await sql`create index users_org_idx on users (org_code, username)`.execute(db);
  await sql`create index review_comments_project_idx on review_comments (document_id, project_code, id)`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (unit_code, fiscal_year, entity, id)`.execute(db);
}
