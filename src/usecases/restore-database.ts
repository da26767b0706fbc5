import {
  type TableInfo,
  countRows,
  insertRows,
  latestMigration,
  listTables,
  resetSequences,
  setUserTriggers,
  truncateTables,
} from '../db/backup.repo.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import {
  type BackupArchiveReader,
  type BackupManifest,
  type BackupSource,
  readBackupArchive,
  readManifest,
} from '../documents/backup-archive.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../domain/errors.ts';

/** Rows per INSERT: one JSON parameter each, a few MB at most. */
const INSERT_ROWS = 1_000;

export type { BackupSource };

export interface RestoreResult {
  manifest: BackupManifest;
  /** Whether rows that were there were replaced (--force). */
  replaced: boolean;
}

/**
 * Restores a backup (backup-database.ts) into this database, all in one transaction: either every
 * table is as in the backup — rows, ids, sequences — or nothing changed. The database must be at
 * the backup's schema version (the same migrations) and empty; with `force`, what it holds is
 * replaced. Row counts are checked against the manifest before committing.
 */
export async function restoreDatabase(
  db: Db,
  source: BackupSource,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const archive = await readBackupArchive(source);
  try {
    const manifest = await readManifest(archive);
    const replaced = await inTransaction(db, async (trx) => {
      const tables = await checkTarget(trx, manifest);
      const filled = await filledTables(trx, tables);
      if (filled.length > 0 && !options.force) {
        throw new AppError(
          'CONFLICT',
          `数据库不是空的（${filled.slice(0, 5).join('、')} 有数据）：恢复会替换全部数据，确认请加 --force`,
        );
      }
      if (filled.length > 0) await truncateTables(trx, tables);
      await setUserTriggers(trx, tables, false);
      for (const table of tables) await restoreTable(trx, table, manifest, archive);
      await setUserTriggers(trx, tables, true);
      await resetSequences(trx);
      return filled.length > 0;
    });
    return { manifest, replaced };
  } finally {
    archive.close();
  }
}

async function checkTarget(trx: Executor, manifest: BackupManifest): Promise<TableInfo[]> {
  const migration = await latestMigration(trx);
  if (migration !== manifest.migration) {
    throw new AppError(
      'VALIDATION',
      `备份来自数据库版本 ${manifest.migration ?? '（空）'}，本程序的数据库版本为 ${migration ?? '（空）'}：请用生成备份的 Jixiao 版本恢复，再升级`,
    );
  }
  const tables = await listTables(trx);
  const names = (list: { name: string }[]) =>
    list
      .map((t) => t.name)
      .sort()
      .join(',');
  if (names(tables) !== names(manifest.tables))
    throw new AppError('VALIDATION', '备份中的表与数据库的表不一致：文件不是这个版本的 Jixiao 备份');
  return tables;
}

async function filledTables(trx: Executor, tables: TableInfo[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tables) if ((await countRows(trx, table.name)) > 0) filled.push(table.name);
  return filled;
}

async function restoreTable(
  trx: Executor,
  table: TableInfo,
  manifest: BackupManifest,
  archive: BackupArchiveReader,
): Promise<void> {
  const expected = manifest.tables.find((t) => t.name === table.name)!;
  // A table that refers to itself goes in with one statement: the check runs after the statement.
  const pending: string[] = [];
  for (const chunk of expected.chunks) {
    pending.push(...(await archive.chunkRows(chunk)));
    while (!table.selfReferencing && pending.length >= INSERT_ROWS)
      await insertRows(trx, table, pending.splice(0, INSERT_ROWS));
  }
  await insertRows(trx, table, pending);
  const rows = await countRows(trx, table.name);
  if (rows !== expected.rows)
    throw new AppError('BAD_INPUT', `恢复 ${table.name} 后有 ${rows} 行，备份清单记为 ${expected.rows} 行：文件已损坏`);
}
