import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { EXPORT_FORMATS, exportTargets, type ExportFormat } from '../../usecases/export-targets.ts';
import { parseYear, withDatabase } from '../options.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('导出某单位某年度的绩效目标 / export a unit-year')
    .requiredOption('--unit <code>', '单位编码，如 711002')
    .requiredOption('--year <year>', '财政年度', parseYear)
    .addOption(new Option('--format <format>', '输出格式').choices(EXPORT_FORMATS).default('json'))
    .option('-o, --output <file>', '写入文件（默认输出到标准输出）')
    .action(async (options: { unit: string; year: number; format: ExportFormat; output?: string }) => {
      const file = await withDatabase((db) =>
        exportTargets(db, { unitCode: options.unit, fiscalYear: options.year, format: options.format }),
      );
      if (!options.output) {
        process.stdout.write(file.content);
        return;
      }
      try {
        await writeFile(options.output, file.content);
      } catch (error) {
        throw new AppError('BAD_INPUT', `无法写入文件：${(error as Error).message}`, { location: { file: options.output } });
      }
    });
}
