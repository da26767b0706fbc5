import type { OpinionCriterion, OpinionGrade, OpinionLevel } from '../../domain/review/opinion.ts';

/** Plain data for the printed 绩效目标审核意见表: it crosses to a render thread by structured clone. */
export interface OpinionReport {
  unitCode: string;
  unitName: string;
  departmentName: string | null;
  fiscalYear: number;
  /** The submission judged (1 = first). */
  round: number;
  forms: OpinionReportForm[];
}

export interface OpinionReportForm {
  level: OpinionLevel;
  /** Null: the department's overall targets. */
  projectCode: string | null;
  itemName: string;
  /** 预算数 in 元 as a decimal string; null for the overall targets or when not stated. */
  budget: string | null;
  grades: Record<OpinionCriterion, OpinionGrade>;
  overall: OpinionGrade;
  opinion: string;
  consultationNote: string | null;
  reviewerName: string;
  /** ISO time. */
  at: string;
}
