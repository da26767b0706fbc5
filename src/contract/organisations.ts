import { z } from 'zod';
import { ORG_TYPES } from '../domain/workflow/chain.ts';
import { OrgCodeSchema } from './codes.ts';

/** HTTP shapes of the organisation tree (decision 020): 财政局 → 主管部门 → 预算单位. */

export const ORG_NODE_KINDS = ['bureau', 'department', 'unit'] as const;
export const OrgNodeKindSchema = z.enum(ORG_NODE_KINDS);
export type OrgNodeKind = z.infer<typeof OrgNodeKindSchema>;

/** Names are what people read in every list; H4's text rules apply on top of these bounds. */
const OrgNameSchema = z
  .string()
  .trim()
  .min(1, { message: '名称不能为空' })
  .max(200, { message: '名称最长 200 个字符' });

export const OrgNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: OrgNodeKindSchema,
  /** The bureau or department above; null for a bureau (and a unit not yet placed). */
  parentCode: z.string().nullable(),
  active: z.boolean(),
  /** A bureau's or department's type (行政事业单位, 工会): decides the units' approval chain (decision 049); null for a unit. */
  orgType: z.enum(ORG_TYPES).nullable(),
  /** A unit's 部门本级 flag: the department's own unit, reviewed by the department as itself (decision 049). */
  departmentOwn: z.boolean().nullable().optional(),
  /** Send back in If-Match to change the node. */
  version: z.number().int().positive(),
});
export type OrgNode = z.infer<typeof OrgNodeSchema>;

/** GET /api/organisations: the tree as a flat list (parentCode links), bureaus and departments first. */
export const OrgTreeSchema = z.object({ items: z.array(OrgNodeSchema) });
export type OrgTree = z.infer<typeof OrgTreeSchema>;

export const OrgTreeQuerySchema = z.object({
  /** Only active nodes: what a picker offers. */
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const NewOrgBodySchema = z.object({
  code: OrgCodeSchema,
  name: OrgNameSchema,
  kind: OrgNodeKindSchema,
  parentCode: OrgCodeSchema.nullable().default(null),
  /** Bureaus and departments only; 行政事业单位 when omitted. */
  orgType: z.enum(ORG_TYPES).optional(),
});
export type NewOrgBody = z.input<typeof NewOrgBodySchema>;

/** PATCH /api/organisations/:code: any of rename, move, (de)activate; If-Match carries the version read. */
export const OrgPatchBodySchema = z
  .object({
    name: OrgNameSchema.optional(),
    parentCode: OrgCodeSchema.nullable().optional(),
    active: z.boolean().optional(),
    orgType: z.enum(ORG_TYPES).optional(),
    /** Units only: mark (or unmark) the unit as its department's own (部门本级). */
    departmentOwn: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: '请至少给出 name、parentCode、active、orgType 或 departmentOwn 之一',
  });
export type OrgPatchBody = z.input<typeof OrgPatchBodySchema>;

export const OrgCodeParamsSchema = z.object({ code: OrgCodeSchema });
