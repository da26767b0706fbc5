import type { TargetsDocument } from '../targets.ts';
import { gradeFindings } from './grade.ts';
import { DEFAULT_REVIEW_POLICY, resolveReviewPolicy, type ReviewPolicy } from './policy.ts';
import { APPROPRIATENESS_RULES } from './rules-appropriateness.ts';
import { COMPLETENESS_RULES } from './rules-completeness.ts';
import { FEASIBILITY_RULES } from './rules-feasibility.ts';
import { OVERALL_RULES } from './rules-overall.ts';
import { RELEVANCE_RULES } from './rules-relevance.ts';
import type { Finding, ReviewReport, ReviewRule, Severity } from './types.ts';

export { DEFAULT_REVIEW_POLICY, resolveReviewPolicy, type ReviewPolicy } from './policy.ts';
export { extractNarrativeIndicators, type NarrativeIndicator } from './narrative.ts';
export type { Finding, ReviewReport, ReviewRule } from './types.ts';

/** Every rule, in report order: completeness, relevance, appropriateness, feasibility; department rules last. */
export const REVIEW_RULES: readonly ReviewRule[] = [
  ...COMPLETENESS_RULES,
  ...RELEVANCE_RULES,
  ...APPROPRIATENESS_RULES,
  ...FEASIBILITY_RULES,
  ...OVERALL_RULES,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * 绩效目标审核: runs every enabled rule over the document and grades the result. Pure and
 * synchronous; the policy may be partial (defaults fill the rest).
 */
export function reviewTargets(document: TargetsDocument, policy?: Partial<ReviewPolicy>): ReviewReport {
  // No policy: the defaults as they are (parsing {} again for every document costs more than some rules).
  const resolved = policy === undefined ? DEFAULT_REVIEW_POLICY : resolveReviewPolicy(policy);
  const findings: Finding[] = [];
  for (const rule of REVIEW_RULES) {
    if (resolved.disabledRules.includes(rule.id)) continue;
    for (const hit of rule.check({ document, policy: resolved })) {
      findings.push({
        rule: rule.id,
        criterion: rule.criterion,
        severity: rule.severity,
        project: hit.project,
        path: hit.path,
        message: hit.message,
        messageEn: hit.messageEn,
      });
    }
  }
  const projectOrder = new Map(document.projects.map((p, i) => [p.code, i]));
  // Stable order: by project as in the document (department last), then severity; rules keep theirs.
  const rank = (f: Finding) => (f.project === null ? Number.MAX_SAFE_INTEGER : (projectOrder.get(f.project) ?? 0));
  findings.sort((a, b) => rank(a) - rank(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { grade: gradeFindings(findings, document.projects.length, resolved), findings };
}
