import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { zodIssues } from './zod-issues.ts';

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
