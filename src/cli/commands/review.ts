import { Command, Option } from 'commander';
import { orgCodeOption } from '../code-options.ts';
import { AppError } from '../../domain/errors.ts';
import type { ReviewReport } from '../../domain/review/index.ts';
import { reviewStoredTargets } from '../../usecases/review-stored-targets.ts';
import { reviewTargetsFile } from '../../usecases/review-targets-file.ts';
import { parseYear, readInputFile, withDatabase } from '../options.ts';
import { writeNotes } from '../output.ts';

type ReviewOptions = { unit?: string; year?: number; format: 'table' | 'json' };

export function reviewCommand(): Command {
  return new Command('review')
    .description('绩效目标审核：按审核规则检查文件或已入库的目标 / review targets against the rules')
    .argument(
      '[file]',
      '目标文件（种子文本 .txt、交换格式 .json、Word .docx 或 Excel .xlsx）；省略时用 --unit 和 --year 审核已入库的目标',
    )
    .option('--unit <code>', '单位编码，如 711002（审核已入库的目标）', orgCodeOption('--unit'))
    .option('--year <year>', '财政年度', parseYear)
    .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
    .action(async (file: string | undefined, options: ReviewOptions) => {
      const report = await reviewFromOptions(file, options);
      process.stdout.write(
        options.format === 'json' ? `${JSON.stringify(jsonReport(report), null, 2)}\n` : formatTable(report),
      );
    });
}

async function reviewFromOptions(file: string | undefined, options: ReviewOptions): Promise<ReviewReport> {
  if (file !== undefined) {
    if (options.unit !== undefined)
      throw new AppError('USAGE', '请只给出文件，或只给出 --unit 和 --year，不要同时给出');
    const input = await readInputFile(file);
    const result = await reviewTargetsFile({ ...input, fiscalYear: options.year });
    writeNotes(result.notes, input.fileName);
    return result.report;
  }
  if (options.unit === undefined || options.year === undefined) {
    throw new AppError('USAGE', '请给出要审核的文件，或用 --unit 和 --year 指定已入库的单位年度');
  }
  const { unit, year } = options;
  return (await withDatabase((db) => reviewStoredTargets(db, { unitCode: unit, fiscalYear: year }))).report;
}

/** The documented JSON shape: exactly these keys, Chinese messages. */
function jsonReport(report: ReviewReport) {
  return {
    grade: report.grade,
    findings: report.findings.map(({ rule, criterion, severity, project, path, message }) => ({
      rule,
      criterion,
      severity,
      project,
      path,
      message,
    })),
    ...(report.notApplicable
      ? {
          notApplicable: report.notApplicable.map(({ rule, project, field, message }) => ({
            rule,
            project,
            field,
            message,
          })),
        }
      : {}),
  };
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** One line per finding, grouped under its project; counts and the grade last. */
function formatTable(report: ReviewReport): string {
  const lines: string[] = [];
  let current: string | null | undefined;
  for (const finding of report.findings) {
    if (finding.project !== current) {
      current = finding.project;
      if (lines.length > 0) lines.push('');
      lines.push(current === null ? '部门整体绩效目标' : `项目 ${current}`);
    }
    const where = finding.path.join('.');
    lines.push(
      `  [${SEVERITY_LABEL[finding.severity]}] ${finding.criterion}\u3000${finding.message}\u3000（${finding.rule}${where ? ` @ ${where}` : ''}）`,
    );
  }
  const count = (severity: keyof typeof SEVERITY_LABEL) =>
    report.findings.filter((f) => f.severity === severity).length;
  if (lines.length > 0) lines.push('');
  for (const skipped of report.notApplicable ?? [])
    lines.push(`未适用：项目 ${skipped.project}\u3000${skipped.message}`);
  lines.push(`审核结果：${report.grade}（错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}）`);
  return `${lines.join('\n')}\n`;
}
