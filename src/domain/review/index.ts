import type { LayoutField, TargetsDocument } from '../targets.ts';
import { gradeFindings } from './grade.ts';
import { DEFAULT_REVIEW_POLICY, resolveReviewPolicy, type ReviewPolicy } from './policy.ts';
import { APPROPRIATENESS_RULES } from './rules-appropriateness.ts';
import { COMPLETENESS_RULES } from './rules-completeness.ts';
import { FEASIBILITY_RULES } from './rules-feasibility.ts';
import { FOLLOW_THROUGH_RULES } from './rules-follow-through.ts';
import { FORM_RULES } from './rules-form.ts';
import { MEASURABILITY_RULES } from './rules-measurability.ts';
import { OVERALL_RULES } from './rules-overall.ts';
import { RELEVANCE_RULES } from './rules-relevance.ts';
import type { Finding, NotApplicable, ReviewReport, ReviewRule, Severity } from './types.ts';
import type { IndicatorPeer } from './unit-cost.ts';
import type { LastYearMatch } from '../results/last-year.ts';

export { DEFAULT_REVIEW_POLICY, resolveReviewPolicy, type ReviewPolicy } from './policy.ts';
export { extractNarrativeIndicators, type NarrativeIndicator } from './narrative.ts';
export { countsInGrade } from './grade.ts';
export type { Finding, NotApplicable, ReviewReport, ReviewRule } from './types.ts';

/** Every rule, in report order: completeness, relevance, appropriateness, feasibility; department rules last. */
export const REVIEW_RULES: readonly ReviewRule[] = [
  ...COMPLETENESS_RULES,
  ...FORM_RULES,
  ...RELEVANCE_RULES,
  ...APPROPRIATENESS_RULES,
  ...MEASURABILITY_RULES,
  ...FEASIBILITY_RULES,
  ...FOLLOW_THROUGH_RULES,
  ...OVERALL_RULES,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * 绩效目标审核: runs every enabled rule over the document and grades the result. Pure and
 * synchronous; the policy may be partial (defaults fill the rest). `peers` are the same 数量指标 outside the
 * document (last year, other units) for appropriateness.unit-cost; without them it compares the document's projects.
 */
export function reviewTargets(
  document: TargetsDocument,
  policy?: Partial<ReviewPolicy>,
  peers: readonly IndicatorPeer[] = [],
  lastYear: readonly LastYearMatch[] = [],
): ReviewReport {
  // No policy: the defaults as they are (parsing {} again for every document costs more than some rules).
  const resolved = policy === undefined ? DEFAULT_REVIEW_POLICY : resolveReviewPolicy(policy);
  const findings: Finding[] = [];
  const absent = absentFieldsOf(document);
  const notApplicable = new Map<string, NotApplicable>();
  for (const rule of REVIEW_RULES) {
    if (resolved.disabledRules.includes(rule.id)) continue;
    for (const hit of rule.check({ document, policy: resolved, peers, lastYear })) {
      const field = absentFieldHit(hit.project, hit.path, absent);
      if (field !== null && hit.project !== null) {
        const key = `${rule.id}\u0000${hit.project}\u0000${field}`;
        if (!notApplicable.has(key)) notApplicable.set(key, notApplied(rule.id, hit.project, field));
        continue;
      }
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
  const grade = gradeFindings(findings, document.projects.length, resolved);
  return notApplicable.size === 0
    ? { grade, findings }
    : { grade, findings, notApplicable: [...notApplicable.values()] };
}

const FIELD_NAMES: Record<LayoutField, { zh: string; en: string }> = {
  purpose: { zh: '资金用途', en: 'purpose of the funds' },
  spendingPlan: { zh: '资金支出计划', en: 'spending plan' },
  basis: { zh: '指标值确定依据', en: 'basis of the target values' },
  description: { zh: '指标解释', en: 'indicator description' },
};

/** Per project code, the fields its source layout does not have. */
function absentFieldsOf(document: TargetsDocument): Map<string, ReadonlySet<LayoutField>> {
  const absent = new Map<string, ReadonlySet<LayoutField>>();
  for (const project of document.projects) {
    const fields = project.details?.absentFields;
    if (fields && fields.length > 0) absent.set(project.code, new Set(fields));
  }
  return absent;
}

/**
 * The absent field a hit is about, or null: a hit on ['purpose'] or ['spendingPlan', …] of the project, or on
 * ['indicators', i, 'basis'] / ['indicators', i, 'description'], is the rule reading a cell the form never had.
 */
function absentFieldHit(
  project: string | null,
  path: readonly (string | number)[],
  absent: Map<string, ReadonlySet<LayoutField>>,
): LayoutField | null {
  const fields = project === null ? undefined : absent.get(project);
  if (!fields) return null;
  const field = path[0] === 'indicators' ? path[2] : path[0];
  return typeof field === 'string' && fields.has(field as LayoutField) ? (field as LayoutField) : null;
}

function notApplied(rule: string, project: string, field: LayoutField): NotApplicable {
  const name = FIELD_NAMES[field];
  return {
    rule,
    project,
    field,
    message: `源表格没有“${name.zh}”一栏，规则 ${rule} 未适用`,
    messageEn: `The source layout has no ${name.en}: rule ${rule} did not apply`,
  };
}
