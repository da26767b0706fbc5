import { z } from 'zod';
import { DEFAULT_FISCAL_YEAR } from '../domain/generate/index.ts';

/** What `jixiao generate` (and the bench) asks of the deterministic city generator (decision 014). */
export const GenerateOptionsSchema = z.object({
  units: z.number().int().min(1).max(100_000),
  projectsPerUnit: z.number().int().min(1).max(500),
  seed: z.number().int().min(-2_147_483_648).max(4_294_967_295),
  fiscalYear: z.number().int().min(1990).max(2100).default(DEFAULT_FISCAL_YEAR),
});
export type GenerateOptions = z.input<typeof GenerateOptionsSchema>;
