import { Command, CommanderError, Help } from 'commander';
import { formatLocation, isAppError, type ErrorCode } from '../domain/errors.ts';
import { COMMANDS, type CommandEntry } from './command-table.ts';

/** The one place where an error code becomes an exit code: 1 bad input, 2 usage. */
const EXIT: Record<ErrorCode, number> = {
  BAD_INPUT: 1,
  VALIDATION: 1,
  NOT_FOUND: 1,
  CONFLICT: 1,
  PRECONDITION_REQUIRED: 1,
  UNAUTHENTICATED: 1,
  FORBIDDEN: 1,
  PASSWORD_CHANGE_REQUIRED: 1,
  LOCKED: 1,
  RATE_LIMITED: 1,
  BUSY: 1,
  USAGE: 2,
};

/**
 * The program with every command of the table. Only the commands `wanted` names are loaded (their
 * modules, and through them the use cases, database and writers); the others are placeholders that
 * carry what the top-level help lists and the names commander's "did you mean" suggestions read.
 */
export async function buildProgram(
  wanted: (name: string) => boolean = () => true,
  commands: readonly CommandEntry[] = COMMANDS,
): Promise<Command> {
  const placeholders = new Map<Command, string>();
  const program = new Command('jixiao')
    .description('Jixiao 绩效 — 预算绩效管理系统 (budget performance management)')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError(false)
    .configureHelp({
      subcommandTerm: (command) => placeholders.get(command) ?? new Help().subcommandTerm(command),
    });
  const built = await Promise.all(
    commands.map(async (entry) => {
      if (wanted(entry.name)) return (await entry.load())();
      // commandName() names the command commander dispatches to, so a placeholder never runs; if one
      // did, an internal error (exit 70) is better than silently doing nothing.
      const placeholder = new Command(entry.name).description(entry.summary).action(() => {
        throw new Error(`${entry.name} 命令未载入`);
      });
      placeholders.set(placeholder, entry.term);
      return placeholder;
    }),
  );
  for (const command of built) program.addCommand(command.exitOverride());
  return program;
}

/**
 * The command `argv` runs: its first operand, or the one after `help` (`jixiao help review`). The
 * top-level options (-V, -h) take no value, so the first word without a dash is the command's name.
 */
export function commandName(argv: readonly string[]): string | undefined {
  const operands = argv.filter((arg) => !arg.startsWith('-'));
  return operands[0] === 'help' ? operands[1] : operands[0];
}

/** Runs the CLI and returns the exit code; errors become one line on stderr, never a stack. */
export async function main(argv: string[], commands: readonly CommandEntry[] = COMMANDS): Promise<number> {
  try {
    const name = commandName(argv);
    const program = await buildProgram((entry) => entry === name, commands);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version requests end through here too, with exit code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isAppError(error)) {
    const where = formatLocation(error.location);
    process.stderr.write(`jixiao: ${where ? `${where}: ` : ''}${error.message}\n`);
    for (const issue of error.issues.slice(1, 20)) {
      const at = formatLocation(issue);
      process.stderr.write(`  ${at ? `${at}: ` : ''}${issue.message}\n`);
    }
    return EXIT[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`jixiao: 内部错误：${message}\n`);
  return 70;
}
