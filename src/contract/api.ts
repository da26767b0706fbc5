import { z } from 'zod';
import { IndicatorCategorySchema, IndicatorSchema, ProjectSchema, TargetsDocumentSchema, TargetValueSchema } from './targets.ts';

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

/**
 * A project as a client may send it: the derived fields (target op/value/unit/min/max, category)
 * may be left out, since the server recomputes them from target.raw and level1 before storing.
 */
export const ProjectInputSchema = ProjectSchema.extend({
  indicators: z.array(
    IndicatorSchema.extend({
      target: TargetValueSchema.partial().required({ raw: true }),
      category: IndicatorCategorySchema.nullable().optional(),
    }),
  ),
});
export type ProjectInput = z.input<typeof ProjectInputSchema>;

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
