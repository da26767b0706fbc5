import type { WorkflowView } from '../../contract/workflow.ts';

type Comment = WorkflowView['comments'][number];

/**
 * The reviewer's words the unit must act on where it edits `projectCode`: while the targets are
 * returned, the comments made since the submission that was returned (the return's own and any
 * during that review; a later withdrawn resubmission changes nothing) on the whole document or on
 * this project and its indicators. None in any other state.
 */
export function returnedComments(view: WorkflowView, projectCode: string | null): Comment[] {
  if (view.state !== 'returned') return [];
  const lastReturn = view.history.findLastIndex((entry) => entry.action === 'return');
  const returnedSubmit = view.history.slice(0, Math.max(lastReturn, 0)).findLast((entry) => entry.action === 'submit');
  const since = returnedSubmit ? Date.parse(returnedSubmit.at) : -Infinity;
  return view.comments.filter(
    (comment) =>
      Date.parse(comment.at) >= since && (comment.projectCode === null || comment.projectCode === projectCode),
  );
}
