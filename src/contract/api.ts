import { z } from 'zod';
import { OrgCodeSchema, ProjectCodeSchema } from './codes.ts';
import { PageQuerySchema, pageOf } from './paging.ts';
import {
  IndicatorCategorySchema,
  IndicatorSchema,
  ProjectSchema,
  TargetsDocumentSchema,
  TargetValueSchema,
} from './targets.ts';

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
  orgCode: OrgCodeSchema.optional(),
});
export type UnitListQuery = z.input<typeof UnitListQuerySchema>;
export const UnitPageSchema = pageOf(UnitSummarySchema);
export type UnitPage = z.infer<typeof UnitPageSchema>;

/** GET /api/units/fiscal-years: the years any readable unit has targets for, newest first. */
export const FiscalYearListSchema = z.object({ years: z.array(z.number().int()) });

export const UnitYearParamsSchema = z.object({
  unitCode: OrgCodeSchema,
  year: z.coerce.number().int().min(1990).max(2100),
});
export const ProjectParamsSchema = UnitYearParamsSchema.extend({ projectCode: ProjectCodeSchema });

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

export const TargetsResponseSchema = TargetsDocumentSchema.extend({
  fiscalYear: z.number().int(),
  /** Each project's version by code, for a delete or edit from the list (If-Match; decision 023). */
  projectVersions: z.record(z.string(), z.number().int().positive()).optional(),
});

/**
 * A 409 CONFLICT from a stale If-Match says who saved the record last, when, and its version now
 * (decision 023): `error.details`. changedBy is null when no one can be named (written before
 * versions were recorded).
 */
export const ConflictDetailsSchema = z.object({
  changedBy: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  changedAt: z.string().nullable(),
  currentVersion: z.number().int().nonnegative(),
});
export type ConflictDetails = z.infer<typeof ConflictDetailsSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    location: z.record(z.string(), z.unknown()).optional(),
    /**
     * One per problem: `message` (Chinese), `path`, and for validation the rule's facts (`rule`, `limit`,
     * `expected`, `counts`, `exclusive`, `within`, `part`: src/domain/errors.ts ErrorIssue, decision 043).
     */
    issues: z.array(z.object({ message: z.string() }).passthrough()).optional(),
    /** CONFLICT: ConflictDetailsSchema; a domain refusal its `reason` key and facts (decision 043); other codes their own facts. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export type UnitSummary = z.infer<typeof UnitSummarySchema>;
export type VersionedProject = z.infer<typeof VersionedProjectSchema>;
