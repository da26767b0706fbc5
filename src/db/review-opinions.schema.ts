import type { ColumnType, Generated } from 'kysely';
import type { OpinionGrade, OpinionLevel } from '../domain/review/opinion.ts';

/** One recorded 绩效目标审核意见表 (decision 033); rows are only ever added. */
export interface ReviewOpinionsTable {
  id: Generated<number>;
  document_id: number;
  level: OpinionLevel;
  /** The submission judged: the number of 'submit' transitions when it was recorded. */
  round: number;
  /** Null: the department's overall targets. */
  project_code: string | null;
  completeness: OpinionGrade;
  relevance: OpinionGrade;
  appropriateness: OpinionGrade;
  feasibility: OpinionGrade;
  overall: OpinionGrade;
  opinion: string;
  consultation_note: string | null;
  reviewer_id: number | null;
  reviewer_name: string;
  at: ColumnType<Date, never, never>;
}

export interface ReviewOpinionTables {
  review_opinions: ReviewOpinionsTable;
}
