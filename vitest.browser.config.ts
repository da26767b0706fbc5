import { defineConfig } from 'vitest/config';

/**
 * Browser tier: real Chromium (/usr/bin/chromium) against the real server started in-process on a
 * free port, with a fresh in-memory database. Needs the built web app: `npm run test:browser`
 * runs `vite build` first.
 */
export default defineConfig({
  test: {
    include: ['src/web/**/*.browser.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
