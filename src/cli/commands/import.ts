import { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { type ImportAnyResult, importAnyFile } from '../../usecases/import-any-file.ts';
import { detectImportKind } from '../../usecases/detect-import-kind.ts';
import { importMany } from '../../usecases/import-many.ts';
import { type ImportPlan, planImport } from '../../usecases/plan-import.ts';
import { orgCodeOption } from '../code-options.ts';
import { parseYear, readInputFile, withDatabase } from '../options.ts';
import { writeNotes } from '../output.ts';
import { progressBar } from '../progress-bar.ts';
import { describeSkippedRows, describeTables } from '../recognised-tables.ts';

interface ImportOptions {
  year?: number;
  unit?: string;
  dryRun?: boolean;
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      '导入目标文件；同一单位同一年度的再次导入整体替换。也可导入目录、.zip 或 .ndjson（每行一个 jixiao/targets@1 文档）：' +
        '先检查全部文档，全部无误才导入，任何问题都不会留下部分结果 / store documents (all or nothing)',
    )
    .argument(
      '<path>',
      '目标文件（.txt、.json、.docx、.xlsx、.pdf 等，各省版式均可），或含这些文件的目录、.zip、.ndjson',
    )
    .option('--year <year>', '财政年度（文档未写明年度时使用）', parseYear)
    .option('--unit <code>', '单位编码：文件未写明单位编码、按名称又找不到唯一单位时指定', orgCodeOption('--unit'))
    .option('--dry-run', '只检查并显示将导入的内容（识别的表格、单位、项目和指标数），不写入数据库')
    .action(async (path: string, options: ImportOptions) => {
      if ((await detectImportKind(path)) === 'many') {
        if (options.unit !== undefined || options.dryRun === true) {
          throw new AppError('USAGE', '--unit 和 --dry-run 只用于导入单个文件');
        }
        await importManyDocuments(path, options.year);
        return;
      }
      const input = await readInputFile(path);
      const upload = { ...input, fiscalYear: options.year, unitCode: options.unit };
      if (options.dryRun === true) {
        const plan = await withDatabase((db) => planImport(db, upload));
        writeNotes(plan.notes, input.fileName);
        process.stdout.write(describePlan(plan));
        return;
      }
      const result = await withDatabase((db) => importAnyFile(db, SYSTEM_ACTOR, upload));
      writeNotes(result.notes, input.fileName);
      process.stdout.write(describeImport(result));
    });
}

async function importManyDocuments(path: string, fiscalYear: number | undefined): Promise<void> {
  const bar = progressBar(process.stderr);
  const result = await withDatabase((db) =>
    importMany(db, SYSTEM_ACTOR, path, {
      fiscalYear,
      onProgress: (phase, done, total) => {
        // An NDJSON file's size in documents is known only at its end: report every hundredth then.
        if (total !== undefined || done % 100 === 0)
          bar.update(done, total ?? done, phase === 'check' ? '检查' : '导入');
      },
    }),
  );
  bar.finish(`${path}：完成`);
  process.stdout.write(
    `已导入 ${result.documents} 个文档（其中替换 ${result.replaced} 个）：${result.projects} 个项目，${result.indicators} 个指标\n`,
  );
}

const UNIT_MATCH = {
  'stated-code': '文件写明的单位编码',
  'given-code': '--unit 指定',
  page: '当前单位',
  name: '按单位名称匹配',
} as const;

/** `--dry-run`: the tables recognised, the unit and how it was found, and what would be stored. */
function describePlan(plan: ImportPlan): string {
  const lines = [...describeTables(plan.tables), ...describeSkippedRows(plan.tables)];
  lines.push(`单位：${plan.unit.code} ${plan.unit.name}（${UNIT_MATCH[plan.unitMatch]}）`);
  const counts = `${plan.projects} 个项目，${plan.indicators} 个指标`;
  if (plan.kind === 'targets') {
    lines.push(`${plan.hasTargets ? '将替换' : '将导入'} ${plan.fiscalYear} 年绩效目标：${counts}`);
  } else if (plan.monitoring) {
    lines.push(...describeMonitoringPlan(plan.fiscalYear, plan.projects, plan.monitoring));
  } else {
    const targets = plan.hasTargets ? '按已有绩效目标核对' : '该年度尚无绩效目标，将按自评表建立';
    lines.push(`将导入 ${plan.fiscalYear} 年自评表：${counts}（${targets}）`);
  }
  for (const key of plan.derivedKeys) lines.push(`  项目“${key.name}”未写明项目编码，使用生成的编码 ${key.code}`);
  lines.push('（--dry-run：未写入数据库）');
  return `${lines.join('\n')}\n`;
}

/** A 监控表's dry run: per project the month's spending to be set, and the indicators whose progress is recorded. */
function describeMonitoringPlan(
  fiscalYear: number,
  projects: number,
  monitoring: NonNullable<ImportPlan['monitoring']>,
): string[] {
  const month = monitoring.asOfMonth;
  const lines = [
    `将导入 ${fiscalYear} 年监控表（截至 ${month} 月）：${projects} 个项目，${monitoring.progress.length} 个指标的执行情况`,
  ];
  const source = { fiscal: '财政资金', other: '其他资金' } as const;
  for (const entry of monitoring.spending) {
    lines.push(`  项目 ${entry.projectCode}：${month} 月${source[entry.source]}支出记为 ${entry.amount} 元`);
  }
  return lines;
}

function describeImport(result: ImportAnyResult): string {
  const counts = `${result.projects} 个项目，${result.indicators} 个指标`;
  if (result.kind === 'targets') {
    return `${result.replaced ? '已替换' : '已导入'} ${result.unitCode} ${result.fiscalYear} 年：${counts}\n`;
  }
  if (result.kind === 'monitoring') {
    return `已导入 ${result.unitCode} ${result.fiscalYear} 年监控表（截至 ${result.asOfMonth} 月）：${result.projects} 个项目的支出，${result.indicators} 个指标的执行情况\n`;
  }
  const created = result.createdTargets ? '（该年度尚无绩效目标，已按自评表建立）' : '';
  const score = result.meanScore === null ? '数据不全，暂无得分' : `平均得分 ${result.meanScore}`;
  return `已导入 ${result.unitCode} ${result.fiscalYear} 年自评表：${counts}${created}；${score}\n`;
}
