import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { JSON_SCHEMAS, jsonSchemaText } from './json-schema.ts';

for (const entry of JSON_SCHEMAS) {
  await mkdir(dirname(entry.path), { recursive: true });
  await writeFile(entry.path, jsonSchemaText(entry));
  console.log(`wrote ${entry.path}`);
}
