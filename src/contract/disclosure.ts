import { z } from 'zod';
import {
  DISCLOSURE_DOCUMENTS,
  DISCLOSURE_KINDS,
  type DisclosurePolicy,
  DOCUMENTS_OF_KIND,
} from '../domain/disclosure/packages.ts';

/** Disclosure (issue 18 item 3, decision 047): the bureau's policy, the packages' status, publish and withdraw. */

export const DisclosureKindSchema = z.enum(DISCLOSURE_KINDS);
const DocumentSchema = z.enum(DISCLOSURE_DOCUMENTS);

export const DisclosurePolicySchema = z
  .object({
    documents: z.object({ budget: z.array(DocumentSchema).max(20), final: z.array(DocumentSchema).max(20) }),
    /** An instant (ISO 8601, e.g. 2021-06-01T00:00:00+08:00); null: public as soon as published. */
    publishAt: z.iso
      .datetime({ offset: true, message: '公开时间应为日期时间，例如 2021-06-01T00:00:00+08:00' })
      .nullable(),
    unitsMayPublish: z.boolean(),
  })
  .refine(
    (p) => DISCLOSURE_KINDS.every((kind) => p.documents[kind].every((d) => DOCUMENTS_OF_KIND[kind].includes(d))),
    { message: '公开包只能包含该类公开的文件（预算公开：绩效目标；决算公开：自评表、自评报告、部门整体自评表）' },
  ) satisfies z.ZodType<DisclosurePolicy>;

export const StoredDisclosurePolicySchema = z.object({
  orgCode: z.string(),
  year: z.number().int(),
  policy: DisclosurePolicySchema,
  /** 0: never saved (the defaults); a save names the version it replaces. */
  version: z.number().int(),
});
export type StoredDisclosurePolicy = z.infer<typeof StoredDisclosurePolicySchema>;

/** One kind of package of a unit-year, as the signed-in pages show it. */
export const PackageStatusSchema = z.object({
  kind: DisclosureKindSchema,
  /** Why it cannot be published now (targets not approved, 自评 not final), or null. */
  refusal: z.string().nullable(),
  /** The latest version published, or null if never. */
  latest: z
    .object({
      version: z.number().int(),
      publishedAt: z.string(),
      publishedBy: z.string(),
      withdrawnAt: z.string().nullable(),
      withdrawReason: z.string().nullable(),
      files: z.number().int(),
    })
    .nullable(),
  /** not-published | withdrawn | scheduled (published, public from the bureau's date) | public. */
  state: z.enum(['not-published', 'withdrawn', 'scheduled', 'public']),
  /** The stable public address (path) of the package. */
  publicPath: z.string().nullable(),
});
export type PackageStatus = z.infer<typeof PackageStatusSchema>;

export const UnitDisclosureSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  /** The actor may publish and withdraw this unit's packages (bureau; the unit when the bureau allows). */
  mayPublish: z.boolean(),
  publishAt: z.string().nullable(),
  packages: z.array(PackageStatusSchema),
});
export type UnitDisclosure = z.infer<typeof UnitDisclosureSchema>;

export const DisclosureOverviewSchema = z.object({
  orgCode: z.string(),
  year: z.number().int(),
  publicIndexPath: z.string(),
  units: z.array(UnitDisclosureSchema),
});
export type DisclosureOverview = z.infer<typeof DisclosureOverviewSchema>;

export const WithdrawBodySchema = z.object({ reason: z.string().trim().min(2).max(500) });

export const PublishResultSchema = z.object({ version: z.number().int(), publishedAt: z.string(), files: z.number() });
