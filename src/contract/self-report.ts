import { z } from 'zod';
import { SECTION_KEYS } from '../domain/self-report/types.ts';
import { UnitYearParamsSchema } from './api.ts';
import { safeText } from './text.ts';

/** HTTP shapes of the 自评报告 (issue 18 item 2, decision 046). */

export const SectionKeySchema = z.enum(SECTION_KEYS);

export const SelfReportQuerySchema = z.object({
  project: z.string().trim().min(1).max(64).optional().describe('A project code: its report; absent: the department’s'),
  version: z.coerce.number().int().positive().optional().describe('A frozen version (see versions)'),
  format: z.enum(['docx', 'pdf']).optional().describe('docx or pdf: the report as a file; absent: JSON'),
});

export const SelfReportSectionParamsSchema = UnitYearParamsSchema.extend({ section: SectionKeySchema });

export const SelfReportSectionBodySchema = z.object({
  project: z.string().trim().min(1).max(64).optional(),
  /** The new text; null restores the generated text (恢复生成的文字). */
  text: safeText(20000).nullable(),
  /** The section's version as read (0: not edited yet); a stale one is refused with 409. */
  expectedVersion: z.number().int().nonnegative(),
});

const SpendingPointSchema = z.object({
  month: z.number().int(),
  plannedPercent: z.number().nullable(),
  actualPercent: z.number().nullable(),
});

const CompletionItemSchema = z.object({ label: z.string(), percent: z.number().nullable(), missed: z.boolean() });

export const SelfReportViewSchema = z.object({
  title: z.string(),
  project: z.string().nullable(),
  /** The 自评表's status: the report is editable until it is final. */
  evaluationStatus: z.string(),
  editable: z.boolean(),
  /** The frozen version shown, null for the live report. */
  version: z.number().int().nullable(),
  sections: z.array(
    z.object({
      key: SectionKeySchema,
      heading: z.string(),
      generated: z.string(),
      text: z.string(),
      edited: z.boolean(),
      version: z.number().int(),
    }),
  ),
  spending: z.array(SpendingPointSchema),
  completion: z.array(CompletionItemSchema),
  projects: z.array(z.object({ code: z.string(), name: z.string() })),
  versions: z.array(z.object({ version: z.number().int(), frozenBy: z.string(), frozenAt: z.string() })),
});
export type SelfReportView = z.infer<typeof SelfReportViewSchema>;
