import type { KnipConfig } from 'knip';

/**
 * Dead code kept out (decision 025): `npm run knip` fails on unused files, exports, types and dependencies.
 * The vite, vitest and eslint plugins find their own entries (index.html, *.test.ts, global setup, configs).
 */
const config: KnipConfig = {
  entry: [
    // The bin script runs the compiled CLI (dist/cli/main.js), and piscina loads the render worker by path.
    'src/cli/main.ts',
    'src/documents/render/render-worker.ts',
    'src/documents/render/render-worker-source.mjs',
    // The migrator receives each migration module as a whole: `up` is called through the namespace.
    'src/db/migrations/*.ts',
    'scripts/*.{ts,mjs}',
    // Spawned as a child process by path (bench/fair-load.bench.ts).
    'bench/lib/http-loop.mjs',
  ],
  project: ['src/**/*.{ts,tsx,mjs,js}', 'test/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}', 'bin/*.js'],
  // A type used in its own file's exported signatures is part of that signature, even if no caller names it.
  ignoreExportsUsedInFile: { interface: true, type: true },
  ignoreDependencies: [
    // Reached by file path (require.resolve), never imported: the PDF font and the benchmark's load generator.
    '@expo-google-fonts/noto-serif-sc',
    'autocannon',
  ],
  // System programs the LibreOffice/poppler tests and the page-render script call when present.
  ignoreBinaries: ['soffice', 'pdftoppm', 'pdftotext', 'pdfinfo'],
};

export default config;
