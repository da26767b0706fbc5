import { resolve } from 'node:path';
import { z } from 'zod';
import { EvaluationDocumentSchema, MonitoringDocumentSchema } from '../src/contract/table-documents.ts';
import { StatedTargetsSchema } from '../src/contract/targets.ts';

const SCHEMA_DIR = resolve(import.meta.dirname, '../docs/schema');

/** The committed JSON Schemas of the exchange formats, generated from the zod schemas (`npm run schema`). */
export const JSON_SCHEMAS = [
  {
    // What a file may hold: `unit.code` may be null or absent (stored targets and API answers always have it).
    path: resolve(SCHEMA_DIR, 'targets.schema.json'),
    schema: StatedTargetsSchema,
    id: 'targets@1',
    description: 'Performance targets (绩效目标) of one budget unit for one fiscal year',
  },
  {
    path: resolve(SCHEMA_DIR, 'evaluation.schema.json'),
    schema: EvaluationDocumentSchema,
    id: 'evaluation@1',
    description: "A unit-year's project self-evaluation tables (项目支出绩效自评表)",
  },
  {
    path: resolve(SCHEMA_DIR, 'monitoring.schema.json'),
    schema: MonitoringDocumentSchema,
    id: 'monitoring@1',
    description: "A unit-year's monitoring tables (项目支出绩效目标执行监控表)",
  },
] as const;

type JsonSchemaEntry = (typeof JSON_SCHEMAS)[number];

/** One format's JSON Schema text, as committed. */
export function jsonSchemaText(entry: JsonSchemaEntry): string {
  const schema = z.toJSONSchema(entry.schema, { target: 'draft-2020-12', io: 'input' });
  const document = {
    ...schema,
    $id: `https://jixiao.dev/schema/${entry.id}.json`,
    title: `jixiao/${entry.id}`,
    description: entry.description,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
