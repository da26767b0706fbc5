import { parseReviewPolicy } from '../contract/policies.ts';
import type { ImportNote } from '../domain/import-note.ts';
import type { ReviewPolicy } from '../domain/review/policy.ts';
import { type UnitReview, reviewDocument } from '../domain/review/unit-review.ts';
import type { StatedTargets } from '../domain/targets.ts';
import { parseTargetsFile } from './parse-targets.ts';

/** Reviews a target file (any format and layout) without touching the database; no unit code is needed. */
export async function reviewTargetsFile(
  input: { content: Uint8Array | string; fileName: string; fiscalYear?: number },
  policy?: Partial<ReviewPolicy>,
): Promise<UnitReview & { document: StatedTargets; notes: ImportNote[] }> {
  const { document, notes } = await parseTargetsFile(input);
  const resolved = parseReviewPolicy(policy ?? {});
  // The rules read projects and indicators, never the unit: a file without 单位编码 is reviewed all the same.
  // No peers: a file's cost per unit of output is compared with its own projects only (decision 032).
  const unitCode = document.unit.code ?? '';
  const review = reviewDocument(
    { ...document, unit: { ...document.unit, code: unitCode } },
    unitCode,
    document.fiscalYear ?? 0,
    resolved,
  );
  return { ...review, document, notes };
}
