import type { DepartmentEvaluation } from '../../contract/department-evaluation.ts';
import type { Role } from '../../domain/access.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** The 整体自评表 being edited: the form as the server takes it (pure helpers; the page holds it in state). */
export type Form = DepartmentEvaluation['form'];
type IndicatorEntry = Form['indicators'][number];
type ManagementEntry = Form['management'][number];
export type Source = 'fiscal' | 'other';
export type BudgetColumn = 'initial' | 'adjusted' | 'spent';

/** The form with one entry per overall indicator (targets' order) and per management item (policy order). */
export function formOf(view: DepartmentEvaluation): Form {
  const form = view.recheck && view.status === 'reviewed' ? view.recheck.form : view.form;
  return {
    ...form,
    indicators: view.indicators.map(
      (indicator) => form.indicators.find((i) => i.name === indicator.name) ?? { name: indicator.name, actual: null },
    ),
    management: view.score.management.map(
      (item) => form.management.find((m) => m.key === item.key) ?? { key: item.key, score: null, reason: '' },
    ),
  };
}

/** An amount as typed: empty is null (not stated), else the text (the server checks and normalises it). */
export function setBudget(form: Form, source: Source, column: BudgetColumn, text: string): Form {
  const value = text.trim() === '' ? null : text.trim();
  return { ...form, budget: { ...form.budget, [source]: { ...form.budget[source], [column]: value } } };
}

export function setIndicator(form: Form, index: number, change: Partial<IndicatorEntry>): Form {
  return { ...form, indicators: form.indicators.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) };
}

export function setManagement(form: Form, index: number, change: Partial<ManagementEntry>): Form {
  return { ...form, management: form.management.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) };
}

/** The first issue's text at a field (paths as the server sends them: ['form', ...field]). */
export function issueAt(
  issues: readonly { path?: (string | number)[] | undefined; message: string }[],
  field: (string | number)[],
): string | null {
  const key = JSON.stringify(['form', ...field]);
  return issues.find((i) => JSON.stringify(i.path ?? []) === key)?.message ?? null;
}

export type ReviewStep = 'approve' | 'return' | 'rescore' | 'finalise' | 'reopen';

export interface PossibleStep {
  step: ReviewStep;
  /** Why it is disabled (a message key), or null when it may be taken now. */
  why: MessageKey | null;
  /** The step needs the comment box filled (a return, a reopen, a re-score's reason). */
  needsText: boolean;
}

const FROM: Record<ReviewStep, readonly string[]> = {
  approve: ['submitted'],
  return: ['submitted'],
  rescore: ['reviewed'],
  finalise: ['reviewed'],
  reopen: ['submitted', 'reviewed', 'final'],
};
const BUREAU_ONLY: ReadonlySet<ReviewStep> = new Set(['rescore', 'finalise', 'reopen']);

/**
 * The reviewers' steps with the reason each is disabled (the possible-actions pattern of decision 040): the
 * department approves or returns; the bureau re-scores, finalises, reopens. A unit user sees none of them.
 */
export function possibleSteps(status: DepartmentEvaluation['status'], role: Role | null, text: string): PossibleStep[] {
  if (role !== 'department' && role !== 'bureau' && role !== 'admin') return [];
  const steps: ReviewStep[] = role === 'department' ? ['approve', 'return'] : (Object.keys(FROM) as ReviewStep[]);
  return steps.map((step) => {
    const needsText = step === 'return' || step === 'reopen' || step === 'rescore';
    let why: MessageKey | null = null;
    if (BUREAU_ONLY.has(step) && role === 'department') why = 'deptEval.why.notBureau';
    else if (!FROM[step].includes(status)) why = 'deptEval.why.status';
    else if (needsText && text.trim() === '') why = 'deptEval.why.comment';
    return { step, why, needsText };
  });
}
