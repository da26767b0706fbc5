import { Command, Option } from 'commander';
import type { UnitScore } from '../../contract/actuals.ts';
import { AppError } from '../../domain/errors.ts';
import { fractionOfPercentQuestion } from '../../domain/scoring/index.ts';
import { scoreActuals } from '../../usecases/score-actuals.ts';
import { readInputFile } from '../options.ts';

export function scoreCommand(): Command {
  return new Command('score')
    .description('按自评规则为项目打分（不访问数据库） / score a document against year-end actuals')
    .argument('<file>', '目标文件（种子文本 .txt、交换格式 .json、Word .docx 或 Excel .xlsx）')
    .requiredOption('--actuals <file>', '实际完成值文件（jixiao/actuals@1 JSON）')
    .option('--policy <file>', '绩效评分规则（JSON，与财政局“规则设置”中的评分规则同一格式；默认按财预〔2020〕10号）')
    .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
    .action(async (file: string, options: { actuals?: string; policy?: string; format: 'table' | 'json' }) => {
      if (!options.actuals) throw new AppError('USAGE', '缺少 --actuals 实际完成值文件');
      const [targets, actuals] = [await readInputFile(file), await readInputFile(options.actuals)];
      const policyFile = options.policy ? await readInputFile(options.policy) : undefined;
      const result = await scoreActuals({ targets, actuals, ...(policyFile ? { policyFile } : {}) });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatTable(result));
    });
}

const fixed = (value: number | null, suffix = '') => (value === null ? '—' : `${value.toFixed(2)}${suffix}`);

type Indicator = UnitScore['projects'][number]['indicators'][number];
type Execution = UnitScore['projects'][number]['execution'];

const BANDS = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' } as const;

/** What the evaluator must still decide (财预〔2020〕10号: the score inside a band is theirs), in words. */
function decisionText(i: Indicator): string {
  if (i.decision === 'fraction-of-percent') return `待确认：${fractionOfPercentQuestion(i.actual ?? '')}`;
  const hint = i.suggestedBand ? `（建议：${BANDS[i.suggestedBand]}）` : '';
  if (i.decision === 'no-number') return `待评分：年度指标值无数值，须选择档次并打分${hint}`;
  return '待评分：须选择 达成 / 部分达成 / 未达成 并打分';
}

function indicatorStatus(i: Indicator): string {
  if (i.notApplicable) return '不适用';
  if (i.missing) return '缺少实际完成值';
  if (i.decision) return decisionText(i);
  const band = i.band ? BANDS[i.band] : i.met ? '达成' : '未达成';
  return `${band}${i.deviationRequired ? '  须填写偏差原因' : ''}`;
}

function executionLine(e: Execution): string {
  if (e.flag === 'zero-budget') return '不适用（调整后预算数为 0，须核实）';
  if (e.missing) return '缺少数据';
  const flag =
    e.flag === 'over-spent' ? '  执行数超过调整后预算数，须说明原因' : e.deviationRequired ? '  须说明原因' : '';
  return `${fixed(e.rate, '%')}  ${fixed(e.points)} / ${fixed(e.weight)}${flag}`;
}

/** The readable form: one block per project, its indicators indented, the unit's mean last. */
function formatTable(result: UnitScore): string {
  const lines = [`单位 ${result.unit}  ${result.fiscalYear} 年度自评得分`, ''];
  for (const project of result.projects) {
    const grade = !project.scorable ? '不可评分（指标均不适用）' : (project.grade ?? '未定级（数据不完整或待评分）');
    lines.push(`${project.code}  ${project.name}  得分 ${fixed(project.score)}  ${grade}`);
    lines.push(`  预算执行率  ${executionLine(project.execution)}`);
    for (const i of project.indicators) {
      const points = i.notApplicable ? '—' : `${fixed(i.points)} / ${fixed(i.weight)}`;
      lines.push(`  ${i.name}  目标 ${i.target}  实际 ${i.actual ?? '—'}  ${points}  ${indicatorStatus(i)}`);
    }
    lines.push('');
  }
  lines.push(`平均得分 ${fixed(result.meanScore)}${result.incomplete ? '（部分项目数据不完整或待评分）' : ''}`);
  return `${lines.join('\n')}\n`;
}
