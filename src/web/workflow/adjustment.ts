import type { WorkflowView } from '../../contract/workflow.ts';
import type { WorkflowAction, WorkflowState } from '../../domain/workflow/states.ts';

/** States in which an agreed adjustment's content can differ from what was approved. */
const CHANGED_STATES: readonly WorkflowState[] = ['adjusting', 'submitted', 'department-reviewed', 'returned'];

/**
 * The version "与已批复版本比较" starts from: the last approved one, while an adjustment is under way
 * (财预〔2015〕88号: approved targets change only through an agreed adjustment; the approved stays readable).
 */
export function approvedVersionToCompare(view: Pick<WorkflowView, 'state' | 'versions' | 'adjustments'>) {
  if (!CHANGED_STATES.includes(view.state)) return null;
  if (!view.adjustments.some((adjustment) => adjustment.state === 'open')) return null;
  return view.versions.filter((version) => version.action === 'approve').at(-1) ?? null;
}

/** The steps whose comment is their reason, required: a return, and the bureau's refusal of an adjustment. */
export function commentRequired(action: WorkflowAction): boolean {
  return action === 'return' || action === 'reject-adjustment';
}
