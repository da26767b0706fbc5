import { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../db/audit.repo.ts';
import { importFile } from '../../usecases/import-file.ts';
import { parseYear, readInputFile, withDatabase } from '../options.ts';
import { writeNotes } from '../output.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('导入目标文件；同一单位同一年度的再次导入整体替换 / store a document (replaces the unit-year atomically)')
    .argument('<file>', '目标文件（.txt、.json、.docx 或 .xlsx）')
    .option('--year <year>', '财政年度', parseYear)
    .action(async (file: string, options: { year?: number }) => {
      const input = await readInputFile(file);
      const result = await withDatabase((db) => importFile(db, SYSTEM_ACTOR, { ...input, fiscalYear: options.year }));
      writeNotes(result.notes, input.fileName);
      const verb = result.replaced ? '已替换' : '已导入';
      process.stdout.write(
        `${verb} ${result.unitCode} ${result.fiscalYear} 年：${result.projects} 个项目，${result.indicators} 个指标\n`,
      );
    });
}
