#!/usr/bin/env node
// The package ships TypeScript sources; tsx compiles them on the fly so no build step stands
// between `npm install` and `npx jixiao`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
