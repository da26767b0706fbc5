import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { orgCodeOption } from '../code-options.ts';
import { AppError } from '../../domain/errors.ts';
import { POLICY_KINDS } from '../../contract/policies.ts';
import type { PolicyKind, PolicyView } from '../../contract/policy-bodies.ts';
import { getOrganisationPolicy } from '../../usecases/get-policy.ts';
import { putOrganisationPolicy } from '../../usecases/put-policy.ts';
import { readInputFile, withDatabase } from '../options.ts';

const kindOption = () =>
  new Option('--kind <kind>', '规则类别：review 审核、monitoring 运行监控、scoring 绩效评分')
    .choices(POLICY_KINDS)
    .makeOptionMandatory();
const orgOption = () =>
  new Option('--org <code>', '机构编码，如 SHG-CZJ（财政局）或 711（主管部门）')
    .argParser(orgCodeOption('--org'))
    .makeOptionMandatory();

/** `jixiao policy show|set`: the finance bureau's rule settings, for the operator without the web page. */
export function policyCommand(): Command {
  const policy = new Command('policy').description(
    "查看或设置机构的审核、运行监控、绩效评分规则 / show or set an organisation's policies",
  );
  policy
    .command('show')
    .description('显示已保存的设置和生效的设置（未设置的项取默认值）')
    .addOption(orgOption())
    .addOption(kindOption())
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .action(async (options: { org: string; kind: PolicyKind; format: 'text' | 'json' }) => {
      const view = await withDatabase((db) => getOrganisationPolicy(db, { kind: options.kind, orgCode: options.org }));
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : formatView(view));
    })
    .exitOverride();
  policy
    .command('set')
    .description('用 JSON 文件设置规则（只写要改的项；未知的项会被拒绝）；整体替换该机构此类已保存的设置')
    .argument('<file>', '规则设置 JSON 文件')
    .addOption(orgOption())
    .addOption(kindOption())
    .action(async (file: string, options: { org: string; kind: PolicyKind }) => {
      const body = parseJson(await readInputFile(file), file);
      const view = await withDatabase((db) =>
        putOrganisationPolicy(db, SYSTEM_ACTOR, { kind: options.kind, orgCode: options.org, policy: body }),
      );
      process.stdout.write(`已保存机构 ${view.orgCode} 的 ${view.kind} 规则设置\n${formatView(view)}`);
    })
    .exitOverride();
  return policy;
}

function parseJson(input: { content: Uint8Array; fileName: string }, file: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(input.content)) as unknown;
  } catch (error) {
    throw new AppError('BAD_INPUT', `不是有效的 JSON：${(error as Error).message}`, { location: { file } });
  }
}

function formatView(view: PolicyView): string {
  const stored = view.stored === null ? '（未设置，全部取默认值）' : JSON.stringify(view.stored, null, 2);
  return `机构 ${view.orgCode}  规则 ${view.kind}\n已保存的设置：\n${stored}\n生效的设置：\n${JSON.stringify(view.effective, null, 2)}\n`;
}
