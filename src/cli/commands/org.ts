import { Command, Option } from 'commander';
import type { OrgNode, OrgNodeKind } from '../../contract/organisations.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { KIND_NAMES } from '../../domain/org-tree.ts';
import { createOrganisation } from '../../usecases/create-organisation.ts';
import { listOrganisations } from '../../usecases/list-organisations.ts';
import { updateOrganisation } from '../../usecases/update-organisation.ts';
import type { Db } from '../../db/database.ts';
import { orgCodeOption } from '../code-options.ts';
import { withDatabase } from '../options.ts';

const KINDS: OrgNodeKind[] = ['bureau', 'department', 'unit'];

/**
 * `jixiao org list|add|rename|move|deactivate|activate`: the organisation tree from the command line,
 * as the local administrator (audited as 系统). Each change reads the node's current version first:
 * the CLI is one person at a terminal, the web page is where concurrent edits are caught.
 */
export function orgCommand(): Command {
  const org = new Command('org').description(
    '管理组织机构（财政局 → 主管部门 → 预算单位） / manage the organisation tree',
  );
  org
    .command('list')
    .description('列出组织机构树 / list the tree')
    .addOption(new Option('--format <format>', '输出格式').choices(['tree', 'json']).default('tree'))
    .option('--active', '只列出未停用的')
    .action(async (options: { format: 'tree' | 'json'; active?: boolean }) => {
      const { items } = await withDatabase((db) =>
        listOrganisations(db, SYSTEM_ACTOR, options.active ? { active: 'true' } : {}),
      );
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(items, null, 2)}\n` : renderTree(items));
    })
    .exitOverride();
  org
    .command('add')
    .description('新增财政局、主管部门或预算单位 / add a node')
    .requiredOption('--code <code>', '编码，如 SHG-CZJ、711、711002', orgCodeOption('--code'))
    .requiredOption('--name <name>', '名称')
    .addOption(
      new Option('--kind <kind>', '类别：bureau 财政局、department 主管部门、unit 预算单位')
        .choices(KINDS)
        .makeOptionMandatory(),
    )
    .option('--parent <code>', '上级编码（财政局不需要）', orgCodeOption('--parent'))
    .action(async (options: { code: string; name: string; kind: OrgNodeKind; parent?: string }) => {
      const created = await withDatabase((db) =>
        createOrganisation(db, SYSTEM_ACTOR, {
          code: options.code,
          name: options.name,
          kind: options.kind,
          parentCode: options.parent ?? null,
        }),
      );
      process.stdout.write(
        `已新增${KIND_NAMES[created.kind]} ${created.code} ${created.name}${created.parentCode ? `（上级 ${created.parentCode}）` : ''}\n`,
      );
    })
    .exitOverride();
  addChange(
    org,
    'rename',
    '改名 / rename',
    (c) => c.requiredOption('--name <name>', '新名称'),
    (o) => ({ name: o['name'] as string }),
  );
  addChange(
    org,
    'move',
    '移到另一上级之下 / move under another parent',
    (c) => c.requiredOption('--parent <code>', '新上级编码', orgCodeOption('--parent')),
    (o) => ({ parentCode: o['parent'] as string }),
  );
  addChange(
    org,
    'deactivate',
    '停用（保留数据和历史） / deactivate',
    (c) => c,
    () => ({ active: false }),
  );
  addChange(
    org,
    'activate',
    '重新启用 / reactivate',
    (c) => c,
    () => ({ active: true }),
  );
  return org;
}

type Patch = { name?: string; parentCode?: string; active?: boolean };

function addChange(
  org: Command,
  name: string,
  description: string,
  options: (c: Command) => Command,
  patch: (o: Record<string, unknown>) => Patch,
): void {
  const command = org
    .command(name)
    .description(description)
    .requiredOption('--code <code>', '机构或单位编码', orgCodeOption('--code'));
  options(command)
    .action(async (o: Record<string, unknown>) => {
      const updated = await withDatabase((db) => change(db, o['code'] as string, patch(o)));
      process.stdout.write(
        `已更新 ${updated.code} ${updated.name}${updated.parentCode ? `（上级 ${updated.parentCode}）` : ''}${updated.active ? '' : '（已停用）'}\n`,
      );
    })
    .exitOverride();
}

async function change(db: Db, code: string, patch: Patch): Promise<OrgNode> {
  const { items } = await listOrganisations(db, SYSTEM_ACTOR);
  const current = items.find((node) => node.code === code);
  // Unknown codes get the use-case's own NOT_FOUND (version 1 is as good as any there).
  return updateOrganisation(db, SYSTEM_ACTOR, { code, expectedVersion: current?.version ?? 1, patch });
}

/** Indented by depth; units not yet placed are listed last under 未归属. */
function renderTree(items: OrgNode[]): string {
  const children = new Map<string | null, OrgNode[]>();
  for (const node of items) children.set(node.parentCode, [...(children.get(node.parentCode) ?? []), node]);
  const codes = new Set(items.map((node) => node.code));
  const lines: string[] = [];
  const walk = (node: OrgNode, depth: number) => {
    lines.push(
      `${'  '.repeat(depth)}${node.code}\t${node.name}\t${KIND_NAMES[node.kind]}${node.active ? '' : '\t已停用'}`,
    );
    for (const child of children.get(node.code) ?? []) walk(child, depth + 1);
  };
  for (const root of items.filter((node) => node.parentCode === null || !codes.has(node.parentCode))) {
    if (root.kind === 'unit' && root.parentCode === null) continue;
    walk(root, 0);
  }
  const orphans = items.filter((node) => node.kind === 'unit' && node.parentCode === null);
  if (orphans.length > 0)
    lines.push(
      '未归属',
      ...orphans.map((node) => `  ${node.code}\t${node.name}\t预算单位${node.active ? '' : '\t已停用'}`),
    );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '（还没有组织机构）\n';
}
