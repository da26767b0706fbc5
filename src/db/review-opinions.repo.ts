import { sql } from 'kysely';
import type { Actor } from '../domain/access.ts';
import type { OpinionGrade, OpinionLevel } from '../domain/review/opinion.ts';
import type { Executor } from './schema.ts';

/** All SQL of the reviewer's 绩效目标审核意见表 (decision 033). Rows are appended, never changed. */

export interface OpinionRow {
  id: number;
  level: OpinionLevel;
  round: number;
  projectCode: string | null;
  completeness: OpinionGrade;
  relevance: OpinionGrade;
  appropriateness: OpinionGrade;
  feasibility: OpinionGrade;
  overall: OpinionGrade;
  opinion: string;
  consultationNote?: string;
  reviewerName: string;
  at: string;
}

export type OpinionValues = Omit<OpinionRow, 'id' | 'reviewerName' | 'at'>;

export interface OpinionItemRow {
  projectCode: string;
  name: string;
}

const COLUMNS = [
  'id',
  'level',
  'round',
  'project_code',
  'completeness',
  'relevance',
  'appropriateness',
  'feasibility',
  'overall',
  'opinion',
  'consultation_note',
  'reviewer_name',
  'at',
] as const;

interface Row {
  id: number;
  level: OpinionLevel;
  round: number;
  project_code: string | null;
  completeness: OpinionGrade;
  relevance: OpinionGrade;
  appropriateness: OpinionGrade;
  feasibility: OpinionGrade;
  overall: OpinionGrade;
  opinion: string;
  consultation_note: string | null;
  reviewer_name: string;
  at: Date | string;
}

function toOpinion(r: Row): OpinionRow {
  return {
    id: r.id,
    level: r.level,
    round: r.round,
    projectCode: r.project_code,
    completeness: r.completeness,
    relevance: r.relevance,
    appropriateness: r.appropriateness,
    feasibility: r.feasibility,
    overall: r.overall,
    opinion: r.opinion,
    ...(r.consultation_note ? { consultationNote: r.consultation_note } : {}),
    reviewerName: r.reviewer_name,
    at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
  };
}

export async function insertOpinion(
  db: Executor,
  input: { documentId: number; actor: Actor; values: OpinionValues },
): Promise<OpinionRow> {
  const { values, actor } = input;
  const row = await db
    .insertInto('review_opinions')
    .values({
      document_id: input.documentId,
      level: values.level,
      round: values.round,
      project_code: values.projectCode,
      completeness: values.completeness,
      relevance: values.relevance,
      appropriateness: values.appropriateness,
      feasibility: values.feasibility,
      overall: values.overall,
      opinion: values.opinion,
      consultation_note: values.consultationNote ?? null,
      reviewer_id: actor.userId === 0 ? null : actor.userId,
      reviewer_name: actor.displayName || actor.username,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toOpinion(row);
}

/** Every form recorded for the document, newest first. */
export async function listOpinions(db: Executor, documentId: number): Promise<OpinionRow[]> {
  const rows = await db
    .selectFrom('review_opinions')
    .select(COLUMNS)
    .where('document_id', '=', documentId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toOpinion);
}

/** This round's current forms at one level: the latest row per item. */
export async function currentOpinions(
  db: Executor,
  input: { documentId: number; round: number; level: OpinionLevel },
): Promise<OpinionRow[]> {
  const rows = await db
    .selectFrom('review_opinions')
    .select(COLUMNS)
    .where('document_id', '=', input.documentId)
    .where('round', '=', input.round)
    .where('level', '=', input.level)
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<string, OpinionRow>();
  for (const row of rows) {
    const key = row.project_code ?? '';
    if (!latest.has(key)) latest.set(key, toOpinion(row));
  }
  return [...latest.values()];
}

/**
 * The round a form judges: how many times the document was submitted, at least 1 — a document put
 * in review without a recorded submit (the generator sets states directly) is in its first round.
 */
export async function currentRound(db: Executor, documentId: number): Promise<number> {
  const row = await db
    .selectFrom('workflow_transitions')
    .select(sql<number>`count(*)::integer`.as('n'))
    .where('document_id', '=', documentId)
    .where('action', '=', 'submit')
    .executeTakeFirstOrThrow();
  return Math.max(1, row.n);
}

/** The projects of the document in their order: with the overall targets, the items a reviewer grades. */
export async function listOpinionItems(db: Executor, documentId: number): Promise<OpinionItemRow[]> {
  const rows = await db
    .selectFrom('projects')
    .select(['code', 'name'])
    .where('document_id', '=', documentId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ projectCode: r.code, name: r.name }));
}
