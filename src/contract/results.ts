import { z } from 'zod';
import { NOTICE_STATES } from '../domain/results/notice.ts';
import { PageQuerySchema, pageOf } from './paging.ts';
import { safeText } from './text.ts';

/** 结果应用 (issue 18 item 4, decision 048): the results list, 整改通知 and last year's results. */

const GradeSchema = z.enum(['优', '良', '中', '差']);
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const NoticeStateSchema = z.enum(NOTICE_STATES);

const NoticeFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

export const NoticeSchema = z.object({
  id: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  /** The year whose results it is about. */
  fiscalYear: z.number().int(),
  /** null: the unit's whole year. */
  projectCode: z.string().nullable(),
  issuerOrg: z.string(),
  body: z.string(),
  requirement: z.string(),
  deadline: z.string(),
  state: NoticeStateSchema,
  /** Open (待整改/整改中) and past its deadline, as of today (UTC). */
  overdue: z.boolean(),
  reply: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  files: z.array(NoticeFileSchema),
});
export type Notice = z.infer<typeof NoticeSchema>;
const NoticeListSchema = z.array(NoticeSchema);

export const IssueNoticeBodySchema = z.object({
  projectCode: z.string().trim().min(1).max(100).nullable().default(null),
  body: safeText(4000).refine((t) => t.trim() !== '', '请填写存在的问题'),
  requirement: safeText(4000).refine((t) => t.trim() !== '', '请填写整改要求'),
  deadline: DaySchema,
});
export type IssueNoticeBody = z.input<typeof IssueNoticeBodySchema>;

export const ReplyNoticeBodySchema = z.object({
  state: z.enum(['整改中', '已整改']),
  reply: safeText(4000),
});
export type ReplyNoticeBody = z.input<typeof ReplyNoticeBodySchema>;

export const DecideNoticeBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('reopen'), reason: safeText(2000) }),
  z.object({ decision: z.literal('close') }),
]);
export type DecideNoticeBody = z.infer<typeof DecideNoticeBodySchema>;

const ProblemSchema = z.object({
  kind: z.enum(['low-grade', 'low-execution', 'missed-indicator', 'recheck-change', 'open-warnings']),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  grade: z.enum(['中', '差']).nullable(),
  indicator: z.string().nullable(),
  value: z.string(),
  reason: z.string(),
});

const ResultProjectSchema = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  grade: GradeSchema.nullable(),
});

/** One unit-year of the results list: grades from the read model, the notices' counts. */
export const ResultRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  /** The 自评's status (draft … final); null: not started. */
  evaluationStatus: z.string().nullable(),
  meanScore: z.number().nullable(),
  grade: GradeSchema.nullable(),
  /** Projects per grade; `poor` = 差. */
  grades: z.object({ excellent: z.number(), good: z.number(), fair: z.number(), poor: z.number() }),
  openWarnings: z.number().int(),
  notices: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    done: z.number().int(),
    closed: z.number().int(),
  }),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;
export const ResultPageSchema = pageOf(ResultRowSchema);
export type ResultPage = z.infer<typeof ResultPageSchema>;

export const ResultQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  grade: GradeSchema.optional(),
  /** Units with a notice in this state. */
  status: NoticeStateSchema.optional(),
  /** Units with a notice past its deadline. */
  overdue: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
  search: safeText(100).optional(),
});
export type ResultQuery = z.input<typeof ResultQuerySchema>;

/** One unit-year's results in detail: per project, the problems, the notices. */
export const UnitResultSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  evaluationStatus: z.string().nullable(),
  meanScore: z.number().nullable(),
  projects: z.array(ResultProjectSchema),
  problems: z.array(ProblemSchema),
  notices: NoticeListSchema,
});
export type UnitResult = z.infer<typeof UnitResultSchema>;

/** Last year's result beside one of this year's projects (previous-actuals, the review page; decision 048). */
export const LastYearProjectSchema = ResultProjectSchema.extend({
  /** This year's project; `code` and `name` are last year's (they differ when matched by name or renamed). */
  projectCode: z.string(),
  matchedBy: z.enum(['code', 'name']),
  openNotices: z.number().int(),
});
