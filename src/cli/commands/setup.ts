import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { createFirstAdmin } from '../../usecases/ensure-first-admin.ts';
import { getInstanceState } from '../../usecases/get-instance-state.ts';
import { withDatabase } from '../options.ts';

interface SetupOptions {
  username?: string;
  displayName?: string;
  passwordStdin?: boolean;
}

const DEFAULT_USERNAME = 'admin';

/**
 * `jixiao setup`: the installation's first administrator, on the server, by whoever can reach its
 * database. Asks for the name and (twice, hidden) the password at a terminal; scripts give
 * `--username` and `--password-stdin`, or JIXIAO_ADMIN_USERNAME / JIXIAO_ADMIN_PASSWORD. Refuses
 * when an administrator exists: further accounts are made by that administrator.
 */
export function setupCommand(): Command {
  return new Command('setup')
    .description('创建首个管理员账号（已有管理员时拒绝） / create the first administrator')
    .option('--username <name>', `管理员用户名（默认 JIXIAO_ADMIN_USERNAME 或 ${DEFAULT_USERNAME}）`)
    .option('--display-name <name>', '显示名称')
    .option('--password-stdin', '从标准输入读取密码（否则取 JIXIAO_ADMIN_PASSWORD，或在终端中提示输入）')
    .action(async (options: SetupOptions) => {
      const created = await withDatabase(async (db) => {
        if (!(await getInstanceState(db)).needsSetup) throw alreadySetUp();
        const answers = await askForAdmin(options, process.env);
        return createFirstAdmin(db, answers);
      });
      process.stdout.write(`已创建管理员账号 ${created.username}：请用它登录，并在“用户”中为其他人建账号\n`);
    });
}

function alreadySetUp(): AppError {
  return new AppError(
    'CONFLICT',
    '已有管理员账号，jixiao setup 只用于创建第一个管理员；其他账号请由管理员创建（jixiao user add 或网页“用户”）',
  );
}

async function askForAdmin(
  options: SetupOptions,
  env: Record<string, string | undefined>,
): Promise<{ username: string; displayName?: string; password: string }> {
  const interactive = process.stdin.isTTY === true && !options.passwordStdin && !env['JIXIAO_ADMIN_PASSWORD'];
  let username = options.username ?? env['JIXIAO_ADMIN_USERNAME'];
  if (username === undefined && interactive)
    username = (await prompt(`管理员用户名（${DEFAULT_USERNAME}）：`)) || DEFAULT_USERNAME;
  username ??= DEFAULT_USERNAME;
  const displayName = options.displayName;
  if (options.passwordStdin) return { username, displayName, password: await readStdinLine() };
  const fromEnv = env['JIXIAO_ADMIN_PASSWORD'];
  if (fromEnv) return { username, displayName, password: fromEnv };
  if (!interactive)
    throw new AppError('USAGE', '请在终端中运行，或用 --password-stdin / JIXIAO_ADMIN_PASSWORD 提供密码');
  const password = await prompt('密码（至少 10 个字符，不显示）：', true);
  if ((await prompt('再输入一次：', true)) !== password)
    throw new AppError('VALIDATION', '两次输入的密码不一致', { location: { field: 'password' } });
  return { username, displayName, password };
}

/**
 * One line from the terminal. Hidden input has no public switch in node:readline: what it echoes
 * passes through the interface's `_writeToOutput`, which is silenced once the question is shown.
 */
async function prompt(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const echo = rl as unknown as { _writeToOutput: (text: string) => void };
  const write = echo._writeToOutput.bind(rl);
  let muted = false;
  echo._writeToOutput = (text) => {
    if (!muted) write(text);
  };
  try {
    const answer = rl.question(question);
    muted = hidden;
    return (await answer).trim();
  } finally {
    rl.close();
    if (hidden) process.stdout.write('\n');
  }
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
