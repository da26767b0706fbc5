import { PERMISSION_TABLE } from '../../domain/permissions.ts';
import { useSession } from '../auth/session.ts';
import { useAsync } from '../shared/use-async.ts';
import { fetchWorkflow } from './api.ts';

/**
 * Whether to offer editing the unit-year's targets: the user's role may edit targets and the
 * workflow state allows it (draft, returned, adjusting). The server decides anyway; this only
 * keeps buttons away that would be refused (an approved document, a reviewer's view).
 */
export function useCanEditTargets(unitCode: string, year: number): { canEdit: boolean; reload: () => void } {
  const { user } = useSession();
  const workflow = useAsync(() => fetchWorkflow(unitCode, year), `${unitCode}/${year}`);
  const roleMayEdit = user !== null && PERMISSION_TABLE[user.role]['targets:edit'] !== 'none';
  return { canEdit: roleMayEdit && workflow.data?.editable === true, reload: workflow.reload };
}
