import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from './json-schema.ts';

describe('committed JSON Schemas', () => {
  it.each(JSON_SCHEMAS.map((entry) => [entry.id, entry] as const))(
    '%s is what the zod schemas generate (run `npm run schema` after changing them)',
    (_id, entry) => {
      expect(readFileSync(entry.path, 'utf8')).toBe(jsonSchemaText(entry));
    },
  );

  it('describes the exchange format fields; a file may leave out the unit code', () => {
    const schema = JSON.parse(jsonSchemaText(JSON_SCHEMAS[0])) as {
      required: string[];
      properties: Record<string, { required?: string[] }>;
    };
    expect(schema.required).toEqual(['format', 'unit', 'overall', 'projects']);
    expect(Object.keys(schema.properties)).toContain('fiscalYear');
    expect(schema.properties.unit?.required).toEqual(['name']);
  });

  it('describes the self-evaluation and monitoring formats', () => {
    const evaluation = JSON.parse(jsonSchemaText(JSON_SCHEMAS[1])) as { properties: { format: { const: string } } };
    const monitoring = JSON.parse(jsonSchemaText(JSON_SCHEMAS[2])) as { properties: { format: { const: string } } };
    expect(evaluation.properties.format.const).toBe('jixiao/evaluation@1');
    expect(monitoring.properties.format.const).toBe('jixiao/monitoring@1');
  });
});
