import { ProjectInputSchema } from '../contract/api.ts';
import { normaliseProject } from '../domain/normalise.ts';
import type { Project } from '../domain/targets.ts';
import { validateInput } from '../contract/validate-input.ts';

/** Validates a project from outside and returns it normalised, derived fields recomputed. */
export function parseProjectInput(input: unknown): Project {
  const parsed = validateInput(ProjectInputSchema, input, '项目');
  return normaliseProject({
    ...parsed,
    indicators: parsed.indicators.map((indicator) => ({
      ...indicator,
      target: { raw: indicator.target.raw, op: null, value: null, unit: null },
      category: null,
    })),
  });
}
