import type { Permission } from '../../domain/access.ts';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useYearClosed } from '../years/current-year.ts';
import { fetchWorkflow } from './api.ts';
import { refusalText } from './refusal.ts';
import { useOnWorkflowChange } from './workflow-events.ts';

/** Whether the signed-in user's role has `permission` at all (the session says; the server checks each request). */
export function useMayUse(permission: Permission): boolean {
  const { permissions } = useSession();
  return permissions !== null && permissions[permission] !== 'none';
}

interface TargetsEditing {
  /** The role edits targets at all: offer the buttons (else hide them for good). */
  show: boolean;
  /** Editing is possible now (role, unit and workflow state). */
  canEdit: boolean;
  /** Why not now, in the user's language ("已报送，等待主管部门审核"); null when it can. */
  reason: string | null;
  reload: () => void;
}

/**
 * The one answer to "may this user change this unit-year's targets": hidden when the role never edits,
 * disabled with the reason while the workflow state locks them (issue 17 item 4). The server's workflow
 * read computes it (src/domain/workflow/possible-actions.ts); the server refuses a write anyway.
 */
export function useCanEditTargets(unitCode: string, year: number): TargetsEditing {
  const { t } = useI18n();
  const show = useMayUse('targets:edit');
  const workflow = useAsync(() => fetchWorkflow(unitCode, year), `${unitCode}/${year}`);
  useOnWorkflowChange(unitCode, year, workflow.reload);
  const edit = workflow.data?.edit;
  // A closed year is read-only whatever its workflow state (decision 038).
  const closed = useYearClosed(year);
  return {
    show,
    canEdit: show && edit?.allowed === true && !closed,
    reason: closed
      ? t('years.closedReason', { year })
      : edit && !edit.allowed && edit.reason
        ? refusalText(edit.reason, t)
        : null,
    reload: workflow.reload,
  };
}
