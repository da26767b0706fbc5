import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { restoreDatabase } from '../../usecases/restore-database.ts';
import { withDatabaseOrServer } from '../options.ts';
import { askServer } from './backup.ts';

/**
 * `jixiao restore FILE [--force]`: a backup back into the database, in one transaction. Refuses a
 * database that holds data unless --force (then everything is replaced). On PGlite with the server
 * running, the server does it (control-file.ts); its users see the restored data at once.
 */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('从备份文件恢复整个数据库（非空数据库需 --force，全部替换） / restore a backup')
    .argument('<file>', 'jixiao backup 生成的 .zip')
    .option('--force', '数据库已有数据时也恢复：全部替换为备份中的数据')
    .action(async (file: string, options: { force?: boolean }) => {
      const path = resolve(file);
      const summary = await withDatabaseOrServer(
        async (db) => {
          const result = await restoreDatabase(db, { path }, { force: options.force === true });
          return {
            tables: result.manifest.tables.length,
            rows: result.manifest.tables.reduce((sum, t) => sum + t.rows, 0),
            replaced: result.replaced,
          };
        },
        async (control) => {
          const response = await askServer(control, `/api/admin/local/restore?force=${options.force ? '1' : '0'}`, {
            method: 'POST',
            headers: { 'content-type': 'application/zip' },
            body: await readFile(path),
          });
          return (await response.json()) as { tables: number; rows: number; replaced: boolean };
        },
      );
      process.stdout.write(
        `已恢复 ${path}：${summary.tables} 张表，${summary.rows} 行${summary.replaced ? '（原有数据已替换）' : ''}\n`,
      );
    });
}
