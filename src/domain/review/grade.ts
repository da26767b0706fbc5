import type { ReviewPolicy } from './policy.ts';
import { GRADE_EXEMPT_RULES } from './rules-appropriateness.ts';
import type { Finding, Grade } from './types.ts';

/**
 * Whether a finding counts toward the grade: infos never do, nor the reviewer's aids (appropriateness.unit-cost,
 * whose peers a stored summary does not read), so the grade is the same on the review page and in the summaries.
 */
export function countsInGrade(finding: Finding): boolean {
  return finding.severity !== 'info' && !GRADE_EXEMPT_RULES.has(finding.rule);
}

/**
 * The grade rule (documented in docs/review-rules.md). Infos never count.
 *   差: errors ≥ gradePoorErrors (5), or errors in more than gradePoorProjectShare (½) of the projects
 *       — the targets need rewriting and may not proceed to budgeting (财预〔2015〕88号);
 *   中: at least one error — usable after the flagged items are fixed;
 *   良: no error, more than gradeExcellentMaxWarnings (2) warnings;
 *   优: no error, at most gradeExcellentMaxWarnings warnings.
 */
export function gradeFindings(findings: readonly Finding[], projectCount: number, policy: ReviewPolicy): Grade {
  const counted = findings.filter(countsInGrade);
  const errors = counted.filter((f) => f.severity === 'error');
  const warnings = counted.filter((f) => f.severity === 'warning');
  const projectsWithErrors = new Set(errors.filter((f) => f.project !== null).map((f) => f.project)).size;
  if (errors.length >= policy.gradePoorErrors) return '差';
  if (projectCount > 0 && projectsWithErrors / projectCount > policy.gradePoorProjectShare) return '差';
  if (errors.length > 0) return '中';
  return warnings.length > policy.gradeExcellentMaxWarnings ? '良' : '优';
}
