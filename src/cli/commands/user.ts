import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../../db/audit.repo.ts';
import { ROLES, type Role } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { createUser } from '../../usecases/create-user.ts';
import { listUsers } from '../../usecases/list-users.ts';
import { withDatabase } from '../options.ts';

interface AddOptions {
  username: string;
  role: Role;
  org?: string;
  displayName?: string;
  password?: string;
  passwordStdin?: boolean;
}

/** `jixiao user add|list`: accounts from the command line, acting as the local administrator. */
export function userCommand(): Command {
  const user = new Command('user').description('管理用户 / manage user accounts');
  user
    .command('add')
    .description('新建用户（密码以 argon2id 保存） / create a user')
    .requiredOption('--username <name>', '用户名')
    .addOption(new Option('--role <role>', '角色').choices(ROLES).makeOptionMandatory())
    .option('--org <code>', '所属组织编码：财政局、主管部门或单位编码（admin 不需要）')
    .option('--display-name <name>', '显示名称')
    .option('--password <password>', '密码（会留在命令历史中，建议用 --password-stdin）')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (options: AddOptions) => {
      const password = await passwordFrom(options);
      const created = await withDatabase((db) =>
        createUser(db, SYSTEM_ACTOR, { username: options.username, role: options.role, orgCode: options.org ?? '', displayName: options.displayName, password }),
      );
      process.stdout.write(`已创建用户 ${created.username}（${created.role}${created.orgCode ? ` · ${created.orgCode}` : ''}）\n`);
    })
    .exitOverride();
  user
    .command('list')
    .description('列出用户 / list users')
    .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
    .action(async (options: { format: 'table' | 'json' }) => {
      const users = await withDatabase((db) => listUsers(db));
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(users.map(({ username, displayName, role, orgCode, disabled }) => ({ username, displayName, role, orgCode, disabled })), null, 2)}\n`);
        return;
      }
      for (const u of users) {
        process.stdout.write(`${u.username}\t${u.role}\t${u.orgCode || '—'}\t${u.displayName}${u.disabled ? '\t已停用' : ''}\n`);
      }
    })
    .exitOverride();
  return user;
}

async function passwordFrom(options: AddOptions): Promise<string> {
  if (options.password !== undefined && options.passwordStdin) throw new AppError('USAGE', '--password 与 --password-stdin 只能用一个');
  if (options.password !== undefined) return options.password;
  if (!options.passwordStdin) throw new AppError('USAGE', '请用 --password-stdin（推荐）或 --password 提供密码');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
