import type { z } from 'zod';
import { AppError, type ErrorIssue } from '../domain/errors.ts';

/** Zod's issues as AppError issues: a path into the document and a Chinese message. */
export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

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
