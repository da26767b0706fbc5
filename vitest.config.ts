import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The unit and DB tiers (decision 026); the file name is the classification. `*.db.test.ts` needs a
 * database (PGlite, PostgreSQL) or spawns the CLI on one; every other `*.test.ts` is the unit tier, which
 * has no global setup, so it runs on a machine with no PostgreSQL. Browser flows (`*.browser.test.ts`)
 * live in vitest.browser.config.ts. `vitest run --project 'unit*'` / `--project 'db*'` pick one tier.
 */
const UNIT = ['src/**/*.test.ts', 'scripts/**/*.test.ts'];
const DB = ['src/**/*.db.test.ts', 'scripts/**/*.db.test.ts'];

// Files share a worker's loaded modules (isolate: false) instead of re-importing the server, Kysely, PGlite… per
// file: a third of the CPU of both tiers. A module replaced with vi.mock cannot be shared that way (the real module
// may already be loaded by another file), so the files that call vi.mock run isolated, in "<tier>-isolated".
const MOCKING = ['src', 'scripts']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`))
  .filter((file) => file.endsWith('.test.ts') && /\bvi\.(?:do)?[mM]ock\(/.test(readFileSync(file, 'utf8')));
const mockingIn = (db: boolean) => MOCKING.filter((file) => file.endsWith('.db.test.ts') === db);

function tier(name: string, include: string[], exclude: string[], mocking: string[], extra: object) {
  const projects: TestProjectInlineConfiguration[] = [
    { extends: true, test: { name, include, exclude: [...exclude, ...mocking], isolate: false, ...extra } },
  ];
  if (mocking.length > 0)
    projects.push({ extends: true, test: { name: `${name}-isolated`, include: mocking, isolate: true, ...extra } });
  return projects;
}

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Vitest's default is cores - 1 workers: one on a 2-core machine, which leaves a core idle while a DB test waits
    // for a CLI child process, PostgreSQL or LibreOffice. One more worker than cores (decision 026).
    maxWorkers: availableParallelism() + 1,
    // A test that stubs a global or an env variable restores it: vi.stubGlobal / vi.stubEnv are undone after each test.
    unstubGlobals: true,
    unstubEnvs: true,
    testTimeout: 30_000,
    projects: [
      ...tier('unit', UNIT, ['**/*.db.test.ts', '**/*.browser.test.ts', 'node_modules/**'], mockingIn(false), {}),
      ...tier('db', DB, ['node_modules/**'], mockingIn(true), {
        hookTimeout: 120_000,
        globalSetup: ['test/global-setup.ts'],
      }),
    ],
  },
});
