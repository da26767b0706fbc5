import { parseReviewPolicy } from '../contract/policies.ts';
import type { ImportNote } from '../domain/import-note.ts';
import type { ReviewPolicy } from '../domain/review/policy.ts';
import { type UnitReview, reviewDocument } from '../domain/review/unit-review.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { parseTargetsFile } from './parse-targets.ts';

/** Reviews a document file (seed text or exchange JSON) without touching the database. */
export async function reviewTargetsFile(
  input: { content: Uint8Array | string; fileName: string; fiscalYear?: number },
  policy?: Partial<ReviewPolicy>,
): Promise<UnitReview & { document: TargetsDocument; notes: ImportNote[] }> {
  const { document, notes } = await parseTargetsFile(input);
  const resolved = parseReviewPolicy(policy ?? {});
  return { ...reviewDocument(document, document.unit.code, document.fiscalYear ?? 0, resolved), document, notes };
}
