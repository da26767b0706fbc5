import type { Db } from '../db/database.ts';
import { policyForUnit } from '../db/policies.repo.ts';
import type { Executor } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import {
  extractNarrativeIndicators,
  type NarrativeIndicator,
  type ReviewPolicy,
  ReviewPolicySchema,
  type ReviewReport,
  reviewTargets,
} from '../domain/review/index.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import type { ImportNote } from '../documents/seed-text/read-seed-text.ts';
import { getTargets } from './get-targets.ts';
import { parseTargetsFile } from './parse-targets.ts';
import { zodIssues } from './zod-issues.ts';

export interface UnitReview {
  unitCode: string;
  fiscalYear: number;
  report: ReviewReport;
  /** Quantities found in the department's 分项绩效目标: candidate overall indicators. */
  narrativeIndicators: NarrativeIndicator[];
}

/** 绩效目标审核 of a stored unit-year, under the review policy of the unit's department or bureau. */
export async function reviewStoredTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<UnitReview> {
  const { document } = await getTargets(db, input);
  const policy = await reviewPolicyForUnit(db.kysely, input.unitCode);
  return reviewDocument(document, input.unitCode, input.fiscalYear, policy);
}

/** Reviews a document file (seed text or exchange JSON) without touching the database. */
export async function reviewTargetsFile(
  input: { content: Uint8Array | string; fileName: string; fiscalYear?: number },
  policy?: Partial<ReviewPolicy>,
): Promise<UnitReview & { document: TargetsDocument; notes: ImportNote[] }> {
  const { document, notes } = await parseTargetsFile(input);
  const resolved = parsePolicy(policy ?? {});
  return { ...reviewDocument(document, document.unit.code, document.fiscalYear ?? 0, resolved), document, notes };
}

/** The nearest stored review policy (department, then bureau) with defaults filled in. */
export async function reviewPolicyForUnit(db: Executor, unitCode: string): Promise<ReviewPolicy> {
  return parsePolicy((await policyForUnit(db, unitCode, 'review')) ?? {});
}

function reviewDocument(
  document: TargetsDocument,
  unitCode: string,
  fiscalYear: number,
  policy: ReviewPolicy,
): UnitReview {
  return {
    unitCode,
    fiscalYear,
    report: reviewTargets(document, policy),
    narrativeIndicators: extractNarrativeIndicators(document.overall),
  };
}

function parsePolicy(body: unknown): ReviewPolicy {
  const parsed = ReviewPolicySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  throw new AppError(
    'VALIDATION',
    `审核规则设置不符合要求：${issues[0]?.path?.join('.') ?? ''} ${issues[0]?.message ?? ''}`.trim(),
    { issues },
  );
}
