import { Command, CommanderError } from 'commander';
import { formatLocation, isAppError, type ErrorCode } from '../domain/errors.ts';
import { exportCommand } from './commands/export.ts';
import { generateCommand } from './commands/generate.ts';
import { importCommand } from './commands/import.ts';
import { orgCommand } from './commands/org.ts';
import { parseCommand } from './commands/parse.ts';
import { policyCommand } from './commands/policy.ts';
import { reviewCommand } from './commands/review.ts';
import { scoreCommand } from './commands/score.ts';
import { serveCommand } from './commands/serve.ts';
import { setupCommand } from './commands/setup.ts';
import { demoCommand } from './commands/demo.ts';
import { backupCommand } from './commands/backup.ts';
import { restoreCommand } from './commands/restore.ts';
import { templateCommand } from './commands/template.ts';
import { userCommand } from './commands/user.ts';

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

export function buildProgram(): Command {
  const program = new Command('jixiao')
    .description('Jixiao 绩效 — 预算绩效管理系统 (budget performance management)')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError(false);
  for (const add of [
    parseCommand,
    importCommand,
    exportCommand,
    serveCommand,
    scoreCommand,
    reviewCommand,
    templateCommand,
    userCommand,
    policyCommand,
    generateCommand,
    orgCommand,
    setupCommand,
    demoCommand,
    backupCommand,
    restoreCommand,
  ]) {
    program.addCommand(add().exitOverride());
  }
  return program;
}

/** Runs the CLI and returns the exit code; errors become one line on stderr, never a stack. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
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
