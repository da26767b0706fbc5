import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandEntry } from './command-table.ts';
import { buildProgram, commandName, main } from './main.ts';

/**
 * The CLI loads only the command it runs (decision 024): `--help` and `--version` load none of the
 * command modules, whose imports (use cases, database, writers) are most of a cold start.
 */
describe('lazy commands', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists every command in the top-level help exactly as the loaded commands declare themselves', async () => {
    const lazy = await buildProgram(() => false);
    const loaded = await buildProgram(() => true);
    expect(lazy.helpInformation()).toBe(loaded.helpInformation());
    expect(lazy.helpInformation()).toContain('review [options] [file]');
  });

  it('finds the command an argument list runs', () => {
    expect(commandName(['--help'])).toBeUndefined();
    expect(commandName(['-V'])).toBeUndefined();
    expect(commandName(['review', '--unit', '711002'])).toBe('review');
    expect(commandName(['help', 'review'])).toBe('review');
    expect(commandName(['help'])).toBeUndefined();
  });

  it.each([
    [['--version'], []],
    [['--help'], []],
    [['help'], []],
    [['review', '--help'], ['review']],
    [['help', 'review'], ['review']],
    [['nosuch'], []],
  ])('jixiao %j loads %j', async (argv, expected) => {
    vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const loaded: string[] = [];
    const table: CommandEntry[] = ['parse', 'review', 'serve'].map((name) => ({
      name,
      term: `${name} [options]`,
      summary: name,
      load: async () => {
        loaded.push(name);
        return () => new Command(name).description(name).option('--unit <code>');
      },
    }));
    const code = await main(argv, table);
    expect(loaded).toEqual(expected);
    expect(code).toBe(argv[0] === 'nosuch' ? 2 : 0);
  });
});
