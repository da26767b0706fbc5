import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { orgCodeOption } from '../code-options.ts';
import { AppError } from '../../domain/errors.ts';
import { exportBulk } from '../../usecases/export-bulk.ts';
import { BINARY_FORMATS, EXPORT_FORMATS, type ExportFormat } from '../../contract/documents.ts';
import { PRINTABLE_LAYOUT_IDS, exportTargets } from '../../usecases/export-targets.ts';
import { parseYear, withDatabase } from '../options.ts';
import { progressBar } from '../progress-bar.ts';

interface ExportOptions {
  unit?: string;
  all?: boolean;
  year: number;
  format: ExportFormat;
  output?: string;
  out?: string;
  layout?: string;
}

export function exportCommand(): Command {
  return new Command('export')
    .description(
      '导出某单位某年度的绩效目标，或用 --all 把全部单位打包为 .zip / export a unit-year, or every unit as a zip',
    )
    .option('--unit <code>', '单位编码，如 711002', orgCodeOption('--unit'))
    .option('--all', '导出该年度全部单位（.zip，需 --out）')
    .requiredOption('--year <year>', '财政年度', parseYear)
    .addOption(new Option('--format <format>', '输出格式').choices(EXPORT_FORMATS).default('json'))
    .option('-o, --output <file>', '写入文件（文本格式默认输出到标准输出）')
    .option('--out <file>', '同 --output')
    .option('--layout <id>', `按某省表样导出 docx/xlsx（${PRINTABLE_LAYOUT_IDS.join('、')}；默认 Jixiao 表样）`)
    .action(async (options: ExportOptions) => {
      const output = options.out ?? options.output;
      if (options.layout !== undefined) checkLayout(options);
      if (options.all) {
        if (options.layout !== undefined) throw new AppError('USAGE', '--layout 不能与 --all 同时使用');
        if (options.unit) throw new AppError('USAGE', '--all 与 --unit 不能同时使用');
        if (!output) throw new AppError('USAGE', '--all 需要用 --out 指定 .zip 文件');
        await exportAll(options.year, options.format, output);
        return;
      }
      if (!options.unit) throw new AppError('USAGE', '请用 --unit 指定单位编码，或用 --all 导出全部单位');
      const unitCode = options.unit;
      if (!output && BINARY_FORMATS.includes(options.format) && process.stdout.isTTY) {
        throw new AppError('USAGE', `${options.format} 是二进制格式，请用 --out 指定文件`);
      }
      const file = await withDatabase((db) =>
        exportTargets(db, { unitCode, fiscalYear: options.year, format: options.format, layout: options.layout }),
      );
      if (!output) {
        process.stdout.write(file.content);
        return;
      }
      try {
        await writeFile(output, file.content);
      } catch (error) {
        throw cannotWrite(output, error);
      }
    });
}

/** An unknown id, or a format the forms are not printed in, is a usage error naming what is possible. */
function checkLayout(options: ExportOptions): void {
  if (!PRINTABLE_LAYOUT_IDS.includes(options.layout!))
    throw new AppError('USAGE', `未知的表样“${options.layout}”：可用 ${PRINTABLE_LAYOUT_IDS.join('、')}`);
  if (options.format !== 'docx' && options.format !== 'xlsx')
    throw new AppError('USAGE', '--layout 只能与 --format docx 或 --format xlsx 一起使用');
}

async function exportAll(fiscalYear: number, format: ExportFormat, output: string): Promise<void> {
  const bar = progressBar();
  const started = Date.now();
  const total = await withDatabase(async (db) => {
    const bulk = await exportBulk(db, {
      fiscalYear,
      format,
      onProgress: (p) => bar.update(p.done, p.total, p.unitCode),
    });
    const file = createWriteStream(output);
    try {
      await Promise.all([pipeline(bulk.stream, file), bulk.done]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw cannotWrite(output, error);
    }
    return bulk.total;
  });
  bar.finish(`已导出 ${total} 个单位 → ${output}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}

function cannotWrite(file: string, error: unknown): AppError {
  return new AppError('BAD_INPUT', `无法写入文件：${(error as Error).message}`, { location: { file } });
}
