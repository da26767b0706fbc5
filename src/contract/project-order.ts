import { z } from 'zod';
import { ProjectCodeSchema } from './codes.ts';

/** PUT …/project-order: every project of the unit-year by code, in the order the document should list them. */
export const ProjectOrderBodySchema = z.object({
  codes: z.array(ProjectCodeSchema).min(1).max(2000),
});

/** The document's version after the write (also the ETag): what the next write of the page names. */
export const ProjectOrderResponseSchema = z.object({ version: z.number().int().positive() });
