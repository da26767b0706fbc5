import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_PATH, targetsJsonSchema } from './json-schema.ts';

describe('committed JSON Schema', () => {
  it('is what the zod schemas generate (run `npm run schema` after changing them)', () => {
    expect(readFileSync(JSON_SCHEMA_PATH, 'utf8')).toBe(targetsJsonSchema());
  });

  it('describes the exchange format fields', () => {
    const schema = JSON.parse(targetsJsonSchema()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['format', 'unit', 'overall', 'projects']);
    expect(Object.keys(schema.properties)).toContain('fiscalYear');
  });
});
