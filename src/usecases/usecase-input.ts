import { z } from 'zod';
import { type ProjectInput, ProjectInputSchema } from '../contract/api.ts';
import { AppError } from '../domain/errors.ts';
import { normaliseProject } from '../domain/normalise.ts';
import type { Project } from '../domain/targets.ts';
import { zodIssues } from './zod-issues.ts';

export type { ProjectInput };

/** Input shapes shared by the use-cases; the contract schemas cover the documents themselves. */
export const UnitYearInputSchema = z.object({
  unitCode: z.string().trim().min(1),
  fiscalYear: z.number().int().min(1990).max(2100),
});

export const ProjectKeyInputSchema = UnitYearInputSchema.extend({ projectCode: z.string().trim().min(1) });

export const ExpectedVersionInputSchema = z.object({ expectedVersion: z.number().int().positive() });

/** Parses input from outside, or throws VALIDATION with one issue per problem. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  const first = issues[0];
  const where = first?.path?.length ? `${first.path.join('.')}：` : '';
  throw new AppError('VALIDATION', `${subject}不符合要求：${where}${first?.message ?? ''}`, {
    location: first?.path ? { path: first.path } : {},
    issues,
  });
}

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
