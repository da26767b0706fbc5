import { z } from 'zod';

/** The policy kinds an organisation can set (stored per organisation in the policies table). */
export const POLICY_KINDS = ['review', 'monitoring', 'scoring'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** GET/PUT /api/bureau/policies/:kind answer: as stored (partial, or null), effective, and the defaults. */
export const PolicyViewSchema = z.object({
  kind: z.enum(POLICY_KINDS),
  orgCode: z.string(),
  stored: z.record(z.string(), z.unknown()).nullable(),
  effective: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
});
export type PolicyViewResponse = z.infer<typeof PolicyViewSchema>;
