import { Command, Option } from 'commander';
import { ROLES, type Role, SYSTEM_ACTOR } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { createUser } from '../../usecases/create-user.ts';
import { setUserEnabled } from '../../usecases/disable-user.ts';
import { listUsers } from '../../usecases/list-users.ts';
import { resetUserPassword } from '../../usecases/reset-password.ts';
import { setPassword } from '../../usecases/set-password.ts';
import { updateUser } from '../../usecases/update-user.ts';
import { orgCodeOption } from '../code-options.ts';
import { withDatabase } from '../options.ts';

interface AddOptions {
  username: string;
  role: Role;
  org?: string;
  displayName?: string;
  password?: string;
  passwordStdin?: boolean;
}

interface SetOptions {
  role?: Role;
  org?: string;
  displayName?: string;
}

/**
 * `jixiao user add|list|set|disable|enable|reset-password|passwd`: accounts from the command line,
 * acting as the local administrator (whoever can run this can read the database anyway).
 */
export function userCommand(): Command {
  const user = new Command('user').description('管理用户 / manage user accounts');
  user
    .command('add')
    .description('新建用户（密码以 argon2id 保存） / create a user')
    .requiredOption('--username <name>', '用户名')
    .addOption(new Option('--role <role>', '角色').choices(ROLES).makeOptionMandatory())
    .option('--org <code>', '所属组织编码：财政局、主管部门或单位编码（admin 不需要）', orgCodeOption('--org'))
    .option('--display-name <name>', '显示名称')
    .option('--password <password>', '密码（会留在命令历史中，建议用 --password-stdin）')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (options: AddOptions) => {
      const password = await passwordFrom(options);
      const created = await withDatabase((db) =>
        createUser(db, SYSTEM_ACTOR, {
          username: options.username,
          role: options.role,
          orgCode: options.org ?? '',
          displayName: options.displayName,
          password,
        }),
      );
      process.stdout.write(
        `已创建用户 ${created.username}（${created.role}${created.orgCode ? ` · ${created.orgCode}` : ''}）\n`,
      );
    })
    .exitOverride();
  user
    .command('list')
    .description('列出用户 / list users')
    .addOption(new Option('--format <format>', '输出格式').choices(['table', 'json']).default('table'))
    .action(async (options: { format: 'table' | 'json' }) => {
      const users = await withDatabase((db) => listUsers(db));
      if (options.format === 'json') {
        const rows = users.map(
          ({ username, displayName, role, orgCode, disabled, mustChangePassword, lastSignInAt }) => ({
            username,
            displayName,
            role,
            orgCode,
            disabled,
            mustChangePassword,
            lastSignInAt: lastSignInAt?.toISOString() ?? null,
          }),
        );
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const u of users) {
        const flags = [u.disabled ? '已停用' : '', u.mustChangePassword ? '须改密码' : ''].filter(Boolean).join(' ');
        const lastSignIn = u.lastSignInAt ? u.lastSignInAt.toISOString() : '从未登录';
        process.stdout.write(
          `${u.username}\t${u.role}\t${u.orgCode || '—'}\t${u.displayName}\t${lastSignIn}${flags ? `\t${flags}` : ''}\n`,
        );
      }
    })
    .exitOverride();
  addManagementCommands(user);
  return user;
}

function addManagementCommands(user: Command): void {
  user
    .command('set <username>')
    .description('修改角色、所属组织或显示名称 / assign role, organisation or display name')
    .addOption(new Option('--role <role>', '角色').choices(ROLES))
    .option('--org <code>', '所属组织编码（须存在且与角色相符）', orgCodeOption('--org'))
    .option('--display-name <name>', '显示名称')
    .action(async (username: string, options: SetOptions) => {
      const changes = { role: options.role, orgCode: options.org, displayName: options.displayName };
      if (Object.values(changes).every((v) => v === undefined))
        throw new AppError('USAGE', '请至少给出 --role、--org 或 --display-name 之一');
      const after = await withDatabase((db) => updateUser(db, SYSTEM_ACTOR, username, changes));
      process.stdout.write(
        `已更新用户 ${after.username}（${after.role}${after.orgCode ? ` · ${after.orgCode}` : ''} · ${after.displayName}）\n`,
      );
    })
    .exitOverride();
  for (const [name, enabled, words] of [
    ['disable', false, '停用（并结束其所有会话）'],
    ['enable', true, '启用'],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(`${words} / ${name} a user`)
      .action(async (username: string) => {
        await withDatabase((db) => setUserEnabled(db, SYSTEM_ACTOR, { username, enabled }));
        process.stdout.write(`已${enabled ? '启用' : '停用'}用户 ${username}\n`);
      })
      .exitOverride();
  }
  user
    .command('reset-password <username>')
    .description('重置为一次性密码（仅显示这一次；用户下次登录须修改） / reset to a one-time password')
    .action(async (username: string) => {
      const reset = await withDatabase((db) => resetUserPassword(db, SYSTEM_ACTOR, { username }));
      process.stdout.write(
        `用户 ${reset.username} 的一次性密码：${reset.password}\n（仅显示这一次；该用户下次登录后须设置自己的密码，其会话均已结束）\n`,
      );
    })
    .exitOverride();
  user
    .command('passwd <username>')
    .description('设置指定密码（须符合密码规则） / set a chosen password')
    .option('--password <password>', '密码（会留在命令历史中，建议用 --password-stdin）')
    .option('--password-stdin', '从标准输入读取密码')
    .option('--temporary', '作为一次性密码：用户下次登录须修改')
    .action(async (username: string, options: { password?: string; passwordStdin?: boolean; temporary?: boolean }) => {
      const password = await passwordFrom(options);
      await withDatabase((db) =>
        setPassword(db, SYSTEM_ACTOR, { username, password, mustChange: options.temporary === true }),
      );
      process.stdout.write(
        `已设置用户 ${username} 的密码${options.temporary ? '（一次性，下次登录须修改）' : ''}，其会话均已结束\n`,
      );
    })
    .exitOverride();
}

async function passwordFrom(options: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (options.password !== undefined && options.passwordStdin)
    throw new AppError('USAGE', '--password 与 --password-stdin 只能用一个');
  if (options.password !== undefined) return options.password;
  if (!options.passwordStdin) throw new AppError('USAGE', '请用 --password-stdin（推荐）或 --password 提供密码');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
