import { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import type { GenerateSummary } from '../../domain/generate/summary.ts';
import { generateIntoDatabase } from '../../usecases/generate-into-database.ts';
import { generateToDirectory } from '../../usecases/generate-to-directory.ts';
import { parseYear, withDatabase } from '../options.ts';
import { progressBar } from '../progress-bar.ts';

interface GenerateCommandOptions {
  units: number;
  projectsPerUnit: number;
  seed: number;
  year: number;
  out?: string;
  intoDb?: boolean;
}

function positiveInteger(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1) throw new AppError('USAGE', `${name} 应为正整数（收到“${text}”）`);
    return value;
  };
}

function seedNumber(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new AppError('USAGE', `--seed 应为整数（收到“${text}”）`);
  return Number(text);
}

export function generateCommand(): Command {
  return new Command('generate')
    .description('生成确定性的演示/压测数据（单位、项目、指标、监控、自评） / generate a deterministic city of units')
    .requiredOption('--units <n>', '单位数量', positiveInteger('--units'))
    .requiredOption('--projects-per-unit <m>', '每个单位的项目数', positiveInteger('--projects-per-unit'))
    .requiredOption('--seed <s>', '随机种子：相同种子生成完全相同的数据', seedNumber)
    .option('--year <year>', '财政年度', parseYear, 2020)
    .option('--out <dir>', '写入目录：每个单位的 .json、.actuals.json、.payments.csv 和 organisations.json')
    .option('--into-db', '直接写入数据库（DATABASE_URL 或本地数据目录）')
    .action(async (options: GenerateCommandOptions) => {
      if (Boolean(options.out) === Boolean(options.intoDb))
        throw new AppError('USAGE', '请指定 --out <目录> 或 --into-db 之一');
      const generateOptions = {
        units: options.units,
        projectsPerUnit: options.projectsPerUnit,
        seed: options.seed,
        fiscalYear: options.year,
      };
      const bar = progressBar();
      const onProgress = (done: number, total: number) => bar.update(done, total, '个单位');
      const started = Date.now();
      const summary: GenerateSummary = options.out
        ? await generateToDirectory(options.out, generateOptions, onProgress)
        : await withDatabase((db) => generateIntoDatabase(db, generateOptions, onProgress));
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      bar.finish(`完成，用时 ${seconds} 秒`);
      const where = options.out ? `写入 ${options.out}` : '写入数据库';
      process.stdout.write(
        `已生成 ${summary.units} 个单位、${summary.projects} 个项目、${summary.indicators} 个指标（种子 ${options.seed}，${options.year} 年度），${where}\n`,
      );
    });
}
