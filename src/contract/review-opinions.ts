import { z } from 'zod';
import { OPINION_CRITERIA, OPINION_GRADES, OPINION_LEVELS } from '../domain/review/opinion.ts';
import { WORKFLOW_STATES } from '../domain/workflow/states.ts';
import { OrgCodeSchema, ProjectCodeSchema } from './codes.ts';
import { FiscalYearSchema } from './targets.ts';
import { safeText } from './text.ts';

/**
 * HTTP shapes of the reviewer's 绩效目标审核意见表 (财预〔2015〕88号, decision 033) and of batch
 * transitions. A form is recorded per item (a project, or the overall targets when projectCode is
 * null), per level (主管部门 / 财政部门) and per round (the submission it judges); rows are never
 * changed, the latest per item/level/round is the current one.
 */
// OPINION_LEVELS is not re-exported while nothing outside imports it (knip); it is in domain/review/opinion.ts.
export { OPINION_CRITERIA, OPINION_GRADES };

const GradeSchema = z.enum(OPINION_GRADES);
const LevelSchema = z.enum(OPINION_LEVELS);
const StateSchema = z.enum(WORKFLOW_STATES);

export const ReviewOpinionBodySchema = z.object({
  /** null = the department's overall targets (部门整体绩效目标). */
  projectCode: ProjectCodeSchema.nullable(),
  completeness: GradeSchema,
  relevance: GradeSchema,
  appropriateness: GradeSchema,
  feasibility: GradeSchema,
  /** 审核结果: the reviewer decides; it is not computed from the four criteria. */
  overall: GradeSchema,
  /** 审核意见. */
  opinion: safeText(4000).trim().min(1, { error: '请填写审核意见' }),
  /** 与单位协商调整情况: required when overall is 良. */
  consultationNote: safeText(2000).optional(),
});

export const ReviewOpinionSchema = ReviewOpinionBodySchema.extend({
  id: z.number().int(),
  level: LevelSchema,
  /** The submission it judges: 1 = the first submit. */
  round: z.number().int(),
  reviewerName: z.string(),
  /** ISO time. */
  at: z.string(),
});

const OpinionItemSchema = z.object({
  projectCode: z.string().nullable(),
  name: z.string(),
  /** This round's current forms. */
  department: ReviewOpinionSchema.nullable(),
  bureau: ReviewOpinionSchema.nullable(),
  /** The automated rules' suggestion for this item; null when it could not be computed. */
  automatedGrade: GradeSchema.nullable(),
});

const OpinionBlockSchema = z.object({ projectCode: z.string().nullable(), name: z.string(), reason: z.string() });

export const ReviewOpinionsViewSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  state: StateSchema,
  round: z.number().int(),
  /** Whether the unit sits under a supervising department (else only the bureau records forms). */
  hasDepartment: z.boolean(),
  /** Who ends the chain (decision 049): 'department' when a superior union decides alone (its forms are the last). */
  finalRole: z.enum(['department', 'bureau']).nullable(),
  /** Who reviews before the bureau (decision 049): a supervising department, a superior union, the department itself. */
  reviewerKind: z.enum(['department', 'union', 'self', 'bureau']).nullable(),
  /**
   * The level the signed-in user records at now (department when the document waits for its
   * department, bureau when it waits for the bureau), or null with the reason.
   */
  recordLevel: LevelSchema.nullable(),
  recordBlockedReason: z.string().nullable(),
  items: z.array(OpinionItemSchema),
  /** What stops the pending step now: items without a form at this level, graded 中/差, or 良 without a note. */
  blocking: z.array(OpinionBlockSchema),
  /** Every form ever recorded for this unit-year, newest first. */
  history: z.array(ReviewOpinionSchema),
});

/** ?level=department|bureau for the printed form; default both levels of this round. */
export const OpinionExportQuerySchema = z.object({ level: LevelSchema.optional() });

const UnitYearSchema = z.object({ unitCode: OrgCodeSchema, fiscalYear: FiscalYearSchema });

export const BatchTransitionBodySchema = z.object({
  action: z.enum(['review', 'approve']),
  items: z.array(UnitYearSchema).min(1).max(200),
  comment: safeText(2000).optional(),
});

export const BatchTransitionResultSchema = z.object({
  results: z.array(
    z.object({
      unitCode: z.string(),
      fiscalYear: z.number().int(),
      ok: z.boolean(),
      state: StateSchema.optional(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

export type ReviewOpinionBody = z.output<typeof ReviewOpinionBodySchema>;
export type ReviewOpinionDto = z.output<typeof ReviewOpinionSchema>;
export type ReviewOpinionsView = z.output<typeof ReviewOpinionsViewSchema>;
export type BatchTransitionBody = z.output<typeof BatchTransitionBodySchema>;
export type BatchTransitionResult = z.output<typeof BatchTransitionResultSchema>;
