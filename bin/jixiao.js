#!/usr/bin/env node
// Runs the compiled CLI (`npm run build` writes dist/; decision 024). Production needs neither tsx nor
// TypeScript. Without dist/ (a checkout before its first build) it says so and stops, rather than
// compiling the sources on the fly: that would start ten times slower and need the dev dependencies.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(entry)) {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  process.stderr.write('jixiao: 尚未构建，请先运行 npm run build / not built yet: run `npm run build` first\n');
  process.exitCode = 70;
}
