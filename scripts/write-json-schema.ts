import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { JSON_SCHEMA_PATH, targetsJsonSchema } from './json-schema.ts';

await mkdir(dirname(JSON_SCHEMA_PATH), { recursive: true });
await writeFile(JSON_SCHEMA_PATH, targetsJsonSchema());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
