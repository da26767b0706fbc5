import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'docs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The dependency rule, enforced: the domain imports nothing from the outer layers.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../contract/*',
            '../usecases/*',
            '../db/*',
            '../documents/*',
            '../server/*',
            '../cli/*',
            '../web/*',
            'node:*',
            'fs',
            'path',
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/usecases/*', '**/db/*', '**/documents/*', '**/server/*', '**/cli/*', 'node:*'] },
      ],
    },
  },
  {
    // Browser tests are not shipped to the browser: they start the real server, database and seed in-process.
    files: ['src/web/**/*.browser.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
