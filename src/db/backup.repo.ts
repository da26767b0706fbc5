import { sql } from 'kysely';
import type { Executor } from './schema.ts';

/**
 * The SQL of backup and restore (src/usecases/backup-database.ts, restore-database.ts). Rows travel
 * as the database's own JSON (`row_to_json`) and come back through `json_populate_recordset`, so
 * every type — numeric amounts, timestamps with zone, jsonb, arrays — is written and read by
 * PostgreSQL's own input/output functions, identically on PGlite and on a PostgreSQL server.
 */

export interface TableInfo {
  name: string;
  /** Columns a row can be written to (generated columns excluded). */
  columns: string[];
  /** A foreign key to itself (the organisation tree): its rows must go in with one statement. */
  selfReferencing: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The application's tables (not Kysely's migration bookkeeping), parents before the tables referring to them. */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const columns = await sql<{ table: string; column: string }>`
    select c.table_name as "table", c.column_name as "column"
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
       and c.table_name not like 'kysely_migration%'
     order by c.table_name, c.ordinal_position`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select child.relname as child, parent.relname as parent
      from pg_constraint k
      join pg_class child on child.oid = k.conrelid
      join pg_class parent on parent.oid = k.confrelid
      join pg_namespace n on n.oid = k.connamespace
     where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  const byName = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    const table = byName.get(row.table) ?? { name: row.table, columns: [], selfReferencing: false };
    table.columns.push(row.column);
    byName.set(row.table, table);
  }
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references.rows) {
    if (child === parent) byName.get(child)!.selfReferencing = true;
    else parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  return topologicalOrder([...byName.values()], parents);
}

function topologicalOrder(tables: TableInfo[], parents: Map<string, Set<string>>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (table: TableInfo, path: Set<string>) => {
    if (placed.has(table.name) || path.has(table.name)) return;
    path.add(table.name);
    for (const parent of [...(parents.get(table.name) ?? [])].sort()) {
      const info = tables.find((t) => t.name === parent);
      if (info) visit(info, path);
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, new Set());
  return ordered;
}

/**
 * Every row of `table` as JSON text, `batchSize` at a time, in physical (ctid) order: within one
 * REPEATABLE READ snapshot a row's ctid does not move, so keyset paging on it reads each row once.
 */
export async function* readRows(db: Executor, table: string, batchSize: number): AsyncGenerator<string[]> {
  let after = '(0,0)';
  for (;;) {
    const { rows } = await sql<{ tid: string; row: string }>`
      select t.ctid::text as tid, row_to_json(t)::text as row from ${sql.raw(quote(table))} t
       where t.ctid > ${after}::tid order by t.ctid limit ${batchSize}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map((r) => r.row);
    after = rows[rows.length - 1]!.tid;
    if (rows.length < batchSize) return;
  }
}

/** Inserts rows given as JSON objects (from readRows), keeping their ids (identity columns included). */
export async function insertRows(db: Executor, table: TableInfo, jsonRows: readonly string[]): Promise<void> {
  if (jsonRows.length === 0) return;
  const columns = table.columns.map(quote).join(', ');
  await sql`
    insert into ${sql.raw(quote(table.name))} (${sql.raw(columns)}) overriding system value
    select ${sql.raw(columns)} from json_populate_recordset(null::${sql.raw(quote(table.name))}, ${`[${jsonRows.join(',')}]`}::json)`.execute(
    db,
  );
}

export async function countRows(db: Executor, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::integer as n from ${sql.raw(quote(table))}`.execute(db);
  return rows[0]!.n;
}

/** The newest migration applied: a backup restores only into a database at the same schema version. */
export async function latestMigration(db: Executor): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(
    db,
  );
  return rows[0]?.name ?? null;
}

export async function truncateTables(db: Executor, tables: readonly TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  await sql.raw(`truncate ${tables.map((t) => quote(t.name)).join(', ')} restart identity cascade`).execute(db);
}

/**
 * Switches the tables' own triggers (not the foreign-key checks) off or on: rows restored into
 * audit_log must not fire the summary triggers, whose table is restored as it was. ALTER TABLE is
 * transactional and needs only table ownership (the migrating user), not superuser.
 */
export async function setUserTriggers(db: Executor, tables: readonly TableInfo[], enabled: boolean): Promise<void> {
  for (const table of tables) {
    await sql.raw(`alter table ${quote(table.name)} ${enabled ? 'enable' : 'disable'} trigger user`).execute(db);
  }
}

/** Sets every identity/serial sequence past the largest id restored, so the next insert does not collide. */
export async function resetSequences(db: Executor): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; sequence: string }>`
    select table_name as "table", column_name as "column", pg_get_serial_sequence(quote_ident(table_name), column_name) as sequence
      from information_schema.columns
     where table_schema = 'public' and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`.execute(
    db,
  );
  for (const row of rows) {
    await sql`select setval(${row.sequence}::regclass, coalesce((select max(${sql.raw(quote(row.column))}) from ${sql.raw(quote(row.table))}), 0) + 1, false)`.execute(
      db,
    );
  }
}

/** The backup's transaction may not write, whatever a bug in the reader would try. */
export async function setTransactionReadOnly(db: Executor): Promise<void> {
  await sql`set transaction read only`.execute(db);
}
