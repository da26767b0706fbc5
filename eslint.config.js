import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule (ARCHITECTURE.md), enforced at any depth. A relative import is matched by the layer
 * folder it names anywhere in its path (`../../db/x.ts` from src/domain/review/ names `db`), so depth does not
 * matter; no folder inside src/ reuses a layer's name, which is what makes the name a safe stand-in for the
 * resolved path. A bare import is a package or a Node built-in.
 */
const LAYERS = ['domain', 'contract', 'usecases', 'db', 'documents', 'server', 'cli', 'web'];
const BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
/**
 * Packages the domain may import: none. The policies' zod schemas live in src/contract (typed against the
 * domain's types), and the common-password list is handed to the password policy by src/db (decision 025).
 */
const DOMAIN_PACKAGES = [];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A relative specifier that names one of these folders: `./x/`, `../../x/`, `../x` (its index). */
const relativeInto = (folders) => `^\\.{1,2}/(?:.*/)?(?:${folders.join('|')})(?:/|$)`;
/** A Node built-in, with or without `node:`. */
const nodeBuiltin = `^(?:node:.*|(?:${BUILTINS.map(escape).join('|')})(?:/.*)?)$`;
/** Any bare specifier (a package or a built-in) except the listed packages and their subpaths. */
const bareExcept = (allowed) =>
  allowed.length === 0 ? '^(?!\\.{1,2}/)' : `^(?!\\.{1,2}/)(?!(?:${allowed.map(escape).join('|')})(?:/|$))`;

/**
 * One layer's rule. `may`: the layers it imports. `typeOnly`: layers it may import types from (a handle
 * passed through, never called). `packages`: when given, the only packages it may import (no built-ins
 * either); `node: false`: no Node built-ins, any package.
 */
function layer(
  name,
  { may, typeOnly = [], packages, node = true, message, files = [`src/${name}/**/*.{ts,tsx,js,mjs}`] },
) {
  const forbidden = LAYERS.filter((other) => other !== name && !may.includes(other) && !typeOnly.includes(other));
  const patterns = [{ regex: relativeInto(forbidden), message }];
  for (const other of typeOnly) {
    patterns.push({
      regex: relativeInto([other]),
      allowTypeImports: true,
      message: `${message}; from src/${other} only types (import type)`,
    });
  }
  if (packages) {
    const listed = packages.length === 0 ? 'no packages' : `packages: ${packages.join(', ')}`;
    patterns.push({ regex: bareExcept(packages), message: `${message}; ${listed}, no Node built-ins` });
  } else if (!node) {
    patterns.push({ regex: nodeBuiltin, message: `${message}; no Node built-ins` });
  }
  return {
    files,
    // Tests (*.test.ts, *.browser.test.ts) are exempt: they wire real databases, servers and documents.
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'docs/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer('domain', { may: [], packages: DOMAIN_PACKAGES, message: 'src/domain depends on nothing' }),
  layer('contract', { may: ['domain'], packages: ['zod'], message: 'src/contract imports domain and zod' }),
  layer('db', { may: ['domain', 'contract'], message: 'src/db imports domain (and contract schemas)' }),
  layer('documents', { may: ['domain'], message: 'src/documents imports domain' }),
  layer('usecases', {
    may: ['domain', 'contract', 'db', 'documents'],
    message: 'src/usecases never imports server, cli or web',
  }),
  layer('server', {
    may: ['usecases', 'contract', 'domain'],
    typeOnly: ['db'],
    message: 'src/server imports usecases, contract, domain',
  }),
  layer('cli', {
    may: ['usecases', 'contract', 'domain'],
    typeOnly: ['db'],
    message: 'src/cli imports usecases, contract, domain',
  }),
  layer('cli', {
    // The composition root: the one file that opens the database (options.ts, which every command that needs
    // one goes through) and the one that assembles the server from its parts (serve.ts) must name db and
    // server. The rest of the CLI reaches them through usecases, and so can be read without either.
    files: ['src/cli/options.ts', 'src/cli/commands/serve.ts'],
    may: ['usecases', 'contract', 'domain', 'db', 'server'],
    message: 'the composition root imports usecases, contract, domain, db, server',
  }),
  layer('web', { may: ['contract', 'domain'], node: false, message: 'src/web imports contract and the pure domain' }),
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Test tiers (decision 026): the unit tier runs with no database on the machine, so a test that reaches
    // a database, the CLI or a server must be named *.db.test.ts. A misfiled test fails here, not in CI.
    files: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    ignores: ['**/*.db.test.ts', '**/*.browser.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '(?:^|/)test/(?:db-engines|pglite-template|api-client|browser|workflow-fixtures|evaluation-fixtures|query-counter|postgres-server|throwaway-postgres|global-setup)(?:\\.ts)?$',
              message: 'a database/server harness: name this test *.db.test.ts',
            },
            { regex: '(?:^|/)test/cli(?:\\.ts)?$', importNames: ['runCli'], message: 'spawns the CLI: *.db.test.ts' },
            {
              regex: '(?:^|/)test/cli-in-process(?:\\.ts)?$',
              message: 'runs CLI commands on a database: *.db.test.ts',
            },
            { regex: '(?:^|/)(?:database|app)\\.ts$', message: 'opens a database or a server: *.db.test.ts' },
            {
              regex: '^(?:@electric-sql/pglite|pg|pg-copy-streams)(?:/|$)',
              message: 'a database driver: *.db.test.ts',
            },
          ],
        },
      ],
    },
  },
);
