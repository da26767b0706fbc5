import { resolve } from 'node:path';
import { z } from 'zod';
import { TargetsDocumentSchema } from '../src/contract/targets.ts';

export const JSON_SCHEMA_PATH = resolve(import.meta.dirname, '../docs/schema/targets.schema.json');

/** The committed JSON Schema of jixiao/targets@1, generated from the zod schemas. */
export function targetsJsonSchema(): string {
  const schema = z.toJSONSchema(TargetsDocumentSchema, { target: 'draft-2020-12', io: 'input' });
  const document = {
    ...schema,
    $id: 'https://jixiao.dev/schema/targets@1.json',
    title: 'jixiao/targets@1',
    description: 'Performance targets (绩效目标) of one budget unit for one fiscal year',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
