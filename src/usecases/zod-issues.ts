import type { z } from 'zod';
import type { ErrorIssue } from '../domain/errors.ts';

/** Zod's issues as AppError issues: a path into the document and a Chinese message. */
export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}
