import { z } from 'zod';
import { ProjectSchema, TargetsDocumentSchema } from './targets.ts';

/** Shapes of the HTTP API that are not the exchange format itself. */

export const UnitSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  years: z.array(z.number().int()),
});
export const UnitListSchema = z.object({ units: z.array(UnitSummarySchema) });

export const UnitYearParamsSchema = z.object({
  unitCode: z.string().min(1),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const ProjectParamsSchema = UnitYearParamsSchema.extend({ projectCode: z.string().min(1) });

/** A project with the version a later update must name (If-Match / ETag). */
export const VersionedProjectSchema = z.object({
  project: ProjectSchema,
  version: z.number().int().positive(),
});

export const ProjectSummarySchema = z.object({ code: z.string(), version: z.number().int().positive() });

export const TargetsResponseSchema = TargetsDocumentSchema.extend({
  fiscalYear: z.number().int(),
});

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    location: z.record(z.string(), z.unknown()).optional(),
    issues: z.array(z.object({ message: z.string() }).passthrough()).optional(),
  }),
});

export type UnitSummary = z.infer<typeof UnitSummarySchema>;
export type VersionedProject = z.infer<typeof VersionedProjectSchema>;
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
