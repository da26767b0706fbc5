import { z } from 'zod';
import { PageQuerySchema, pageOf } from './paging.ts';
import { IndicatorCategorySchema, IndicatorSchema, ProjectSchema, TargetsDocumentSchema, TargetValueSchema } from './targets.ts';

/** Shapes of the HTTP API that are not the exchange format itself. */

export const UnitSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  years: z.array(z.number().int()),
});

/** GET /api/units: a page of the readable units, by code; the filters combine (and). */
export const UnitListQuerySchema = PageQuerySchema.extend({
  /** A code prefix or any part of the name, case-insensitive. */
  search: z.string().trim().max(100).optional(),
  /** Only units with targets for this fiscal year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  /** Only units under this bureau or department. */
  orgCode: z.string().trim().min(1).max(64).optional(),
});
export type UnitListQuery = z.input<typeof UnitListQuerySchema>;
export const UnitPageSchema = pageOf(UnitSummarySchema);
export type UnitPage = z.infer<typeof UnitPageSchema>;

/** GET /api/units/fiscal-years: the years any readable unit has targets for, newest first. */
export const FiscalYearListSchema = z.object({ years: z.array(z.number().int()) });

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
