import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The unit and DB tiers (decision 026); the file name is the classification. `*.db.test.ts` needs a
 * database (PGlite, PostgreSQL) or spawns the CLI on one; every other `*.test.ts` is the unit tier, which
 * has no global setup, so it runs on a machine with no PostgreSQL. Browser flows (`*.browser.test.ts`)
 * live in vitest.browser.config.ts. `vitest run --project unit` / `--project db` pick one tier.
 */
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Vitest's default is cores - 1 workers: one on a 2-core machine, which leaves a core idle while a DB test waits
    // for a CLI child process, PostgreSQL or LibreOffice. One more worker than cores (decision 026).
    maxWorkers: availableParallelism() + 1,
    // Files share a worker's loaded modules instead of re-importing the server, Kysely, PGlite… per file: a third of
    // the CPU of both tiers (decision 026). So a test that stubs a global, an env variable or a module restores it;
    // stubs made with vi.stubGlobal / vi.stubEnv are undone after each test.
    isolate: false,
    unstubGlobals: true,
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.browser.test.ts', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'scripts/**/*.db.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
