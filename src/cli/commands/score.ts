import { Command, Option } from 'commander';
import type { UnitScore } from '../../contract/actuals.ts';
import { AppError } from '../../domain/errors.ts';
import { scoreActuals } from '../../usecases/score-actuals.ts';
import { readInputFile } from '../options.ts';

export function scoreCommand(): Command {
  return new Command('score')
    .description('按自评规则为项目打分（不访问数据库） / score a document against year-end actuals')
    .argument('<file>', '目标文件（种子文本 .txt、交换格式 .json、Word .docx 或 Excel .xlsx）')
    .requiredOption('--actuals <file>', '实际完成值文件（jixiao/actuals@1 JSON）')
    .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
    .action(async (file: string, options: { actuals?: string; format: 'table' | 'json' }) => {
      if (!options.actuals) throw new AppError('USAGE', '缺少 --actuals 实际完成值文件');
      const [targets, actuals] = [await readInputFile(file), await readInputFile(options.actuals)];
      const result = await scoreActuals({ targets, actuals });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatTable(result));
    });
}

const fixed = (value: number | null, suffix = '') => (value === null ? '—' : `${value.toFixed(2)}${suffix}`);

/** The readable form: one block per project, its indicators indented, the unit's mean last. */
function formatTable(result: UnitScore): string {
  const lines = [`单位 ${result.unit}  ${result.fiscalYear} 年度自评得分`, ''];
  for (const project of result.projects) {
    const grade = project.grade ?? '未定级（数据不完整）';
    lines.push(`${project.code}  ${project.name}  得分 ${fixed(project.score)}  ${grade}`);
    const e = project.execution;
    const execution = e.notApplicable
      ? '不适用（调整后预算数为 0）'
      : e.missing
        ? '缺少数据'
        : `${fixed(e.rate, '%')}  ${fixed(e.points)} / ${fixed(e.weight)}`;
    lines.push(`  预算执行率  ${execution}${e.deviationRequired ? '  须说明原因' : ''}`);
    for (const i of project.indicators) {
      const status = i.notApplicable ? '不适用' : i.missing ? '缺少实际完成值' : i.met ? '达成' : '未达成';
      const points = i.notApplicable ? '—' : `${fixed(i.points)} / ${fixed(i.weight)}`;
      lines.push(
        `  ${i.name}  目标 ${i.target}  实际 ${i.actual ?? '—'}  ${points}  ${status}${i.deviationRequired ? '  须填写偏差原因' : ''}`,
      );
    }
    lines.push('');
  }
  lines.push(`平均得分 ${fixed(result.meanScore)}${result.incomplete ? '（部分项目数据不完整）' : ''}`);
  return `${lines.join('\n')}\n`;
}
