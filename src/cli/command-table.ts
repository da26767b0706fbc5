import type { Command } from 'commander';

/**
 * Every `jixiao` command, in the order `jixiao --help` lists them, with what the top-level help shows
 * of it. The command modules import the use cases, the database and the document writers (~0.3 s of
 * module loading); `--help` and `--version` need none of that, so main.ts builds the program from this
 * table and loads only the module of the command being run (decision 024). `term` and `summary` repeat
 * what each command declares; src/cli/main.test.ts checks the two still agree.
 */
export interface CommandEntry {
  name: string;
  /** The command's line in the top-level help: name, `[options]` when it has any, its arguments. */
  term: string;
  summary: string;
  load: () => Promise<() => Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'parse',
    term: 'parse [options] <file>',
    summary:
      '读取文件并输出交换格式 JSON（绩效目标、自评表或监控表，各省版式均可；不访问数据库） / print a document as exchange JSON',
    load: async () => (await import('./commands/parse.ts')).parseCommand,
  },
  {
    name: 'import',
    term: 'import [options] <path>',
    summary:
      '导入目标文件；同一单位同一年度的再次导入整体替换。也可导入目录、.zip 或 .ndjson（每行一个 jixiao/targets@1 文档）：先检查全部文档，全部无误才导入，任何问题都不会留下部分结果 / store documents (all or nothing)',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  {
    name: 'export',
    term: 'export [options]',
    summary:
      '导出某单位某年度的绩效目标，或用 --all 把全部单位打包为 .zip / export a unit-year, or every unit as a zip',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  {
    name: 'serve',
    term: 'serve [options]',
    summary: '启动 API 与网页（不建任何账号；首个管理员见 jixiao setup） / start the API and web app',
    load: async () => (await import('./commands/serve.ts')).serveCommand,
  },
  {
    name: 'score',
    term: 'score [options] <file>',
    summary: '按自评规则为项目打分（不访问数据库） / score a document against year-end actuals',
    load: async () => (await import('./commands/score.ts')).scoreCommand,
  },
  {
    name: 'review',
    term: 'review [options] [file]',
    summary: '绩效目标审核：按审核规则检查文件或已入库的目标 / review targets against the rules',
    load: async () => (await import('./commands/review.ts')).reviewCommand,
  },
  {
    name: 'template',
    term: 'template [options]',
    summary: '生成批量填报用的空白模板（带下拉选项和填写说明） / write the blank bulk-entry template',
    load: async () => (await import('./commands/template.ts')).templateCommand,
  },
  {
    name: 'user',
    term: 'user',
    summary: '管理用户 / manage user accounts',
    load: async () => (await import('./commands/user.ts')).userCommand,
  },
  {
    name: 'policy',
    term: 'policy',
    summary: "查看或设置机构的审核、运行监控、绩效评分规则 / show or set an organisation's policies",
    load: async () => (await import('./commands/policy.ts')).policyCommand,
  },
  {
    name: 'generate',
    term: 'generate [options]',
    summary: '生成确定性的演示/压测数据（单位、项目、指标、监控、自评） / generate a deterministic city of units',
    load: async () => (await import('./commands/generate.ts')).generateCommand,
  },
  {
    name: 'org',
    term: 'org',
    summary: '管理组织机构（财政局 → 主管部门 → 预算单位） / manage the organisation tree',
    load: async () => (await import('./commands/org.ts')).orgCommand,
  },
  {
    name: 'setup',
    term: 'setup [options]',
    summary: '创建首个管理员账号（已有管理员时拒绝） / create the first administrator',
    load: async () => (await import('./commands/setup.ts')).setupCommand,
  },
  {
    name: 'demo',
    term: 'demo',
    summary: '向空数据库载入示例数据与示例账号（密码公开，仅供试用） / load the demo into an empty database',
    load: async () => (await import('./commands/demo.ts')).demoCommand,
  },
  {
    name: 'backup',
    term: 'backup [options]',
    summary: '备份整个数据库到一个文件（服务运行时也可） / back up the whole database to one file',
    load: async () => (await import('./commands/backup.ts')).backupCommand,
  },
  {
    name: 'restore',
    term: 'restore [options] <file>',
    summary: '从备份文件恢复整个数据库（非空数据库需 --force，全部替换） / restore a backup',
    load: async () => (await import('./commands/restore.ts')).restoreCommand,
  },
];
